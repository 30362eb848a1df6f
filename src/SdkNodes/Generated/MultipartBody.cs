using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Text;

namespace SdkNodes.Generated;

/// <summary>The parts of a <c>multipart/form-data</c> body, as generated code adds them, in order.</summary>
/// <remarks>
/// Parts are written as browsers write them (RFC 7578): a text part has only
/// <c>Content-Disposition: form-data; name="..."</c> and no Content-Type (which RFC 7578 reads as
/// <c>text/plain</c>); a file part adds <c>; filename="..."</c> and the file's Content-Type. Names
/// are sent as raw UTF-8 inside the quotes, with <c>"</c>, CR and LF as <c>%22</c>, <c>%0D</c>,
/// <c>%0A</c>, and never as <c>filename*</c>, which RFC 7578 §4.2 says not to use (.NET's
/// MultipartFormDataContent adds it, and some servers then take the wrong name).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MultipartBody
{
    // The parts, created as they are added: a missing file fails while the request is built.
    private readonly List<HttpContent> _parts = [];

    /// <summary>Adds a text part; a null value leaves it out.</summary>
    public void AddField(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // ByteArrayContent, not StringContent: no Content-Type, as a browser sends a text field.
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{Escape(name)}\"");
        _parts.Add(part);
    }

    /// <summary>Adds one text part per item; null items are left out.</summary>
    public void AddFieldEach(string name, IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (string? value in values)
        {
            AddField(name, value);
        }
    }

    /// <summary>Adds a file part; a null file leaves it out.</summary>
    /// <exception cref="NodeInputException">The file is missing, or its stream was sent already and cannot seek back.</exception>
    public void AddFile(string name, SdkNodes.NodeFile? file)
    {
        if (file is null)
        {
            return;
        }

        HttpContent part = file.CreateContent();

        // Content-Disposition first, as browsers write it: the type goes back on after it.
        part.Headers.Remove("Content-Type");
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{Escape(name)}\"; filename=\"{Escape(file.FileName)}\"");
        part.Headers.TryAddWithoutValidation("Content-Type", file.ContentType);
        _parts.Add(part);
    }

    /// <summary>The body, with a random boundary; it owns (and disposes) the parts.</summary>
    internal HttpContent CreateContent()
    {
        // MultipartContent, not MultipartFormDataContent: that one would rewrite a part's
        // Content-Disposition it cannot parse (a raw UTF-8 name) and adds filename*.
        var content = new MultipartContent("form-data", "----SdkNodes" + Guid.NewGuid().ToString("N"))
        {
            // Part headers are in the body, written by MultipartContent: UTF-8, as browsers do,
            // rather than its default Latin-1, which would garble a name outside it.
            HeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        };

        foreach (HttpContent part in _parts)
        {
            content.Add(part);
        }

        return content;
    }

    /// <summary>A name as the HTML standard writes it in a quoted parameter.</summary>
    private static string Escape(string name)
        => name.AsSpan().IndexOfAny('"', '\r', '\n') < 0 ? name : name.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");
}
