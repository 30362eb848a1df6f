using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Text;

namespace SdkNodes.Generated;

/// <summary>The fields of an <c>application/x-www-form-urlencoded</c> body, as generated code adds them.</summary>
/// <remarks>
/// Encoded as FormUrlEncodedContent does: UTF-8, a space as <c>+</c>, every byte but the RFC 3986
/// unreserved characters (letters, digits, <c>- . _ ~</c>) as <c>%XX</c> in upper case. Browsers
/// differ only in keeping <c>*</c> and escaping <c>~</c>, which every server decodes alike. Written
/// here, not with FormUrlEncodedContent, so the bytes do not depend on how that class escapes.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FormBody
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds a field; a null value leaves it out.</summary>
    public void Add(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (_text.Length != 0)
        {
            _text.Append('&');
        }

        Encode(name);
        _text.Append('=');
        Encode(value);
    }

    /// <summary>Adds the field once per item (a list repeats its field); null items are left out.</summary>
    public void AddEach(string name, IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (string? value in values)
        {
            Add(name, value);
        }
    }

    /// <summary>The body: the fields in the order added.</summary>
    internal HttpContent CreateContent()
    {
        // Only ASCII was appended, so each char is one byte.
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(_text.ToString()));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        return content;
    }

    private const string HexUpper = "0123456789ABCDEF";

    private void Encode(string text)
    {
        // A lone surrogate becomes U+FFFD's bytes, as a browser sends it.
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        foreach (byte b in utf8)
        {
            if (b == (byte)' ')
            {
                _text.Append('+');
            }
            else if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                _text.Append((char)b);
            }
            else
            {
                _text.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
            }
        }
    }
}
