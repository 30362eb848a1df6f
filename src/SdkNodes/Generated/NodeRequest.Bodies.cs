using System;
using System.IO;
using System.Net.Http;
using System.Text;

namespace SdkNodes.Generated;

// Non-JSON request bodies, for generated code.
public static partial class NodeRequest
{
    private const string PlainTextUtf8 = "text/plain; charset=utf-8";

    /// <summary>Sends <paramref name="form"/> as an <c>application/x-www-form-urlencoded</c> body.</summary>
    public static void SetFormBody(HttpRequestMessage request, FormBody form)
        => AttachContent(request, form.CreateContent());

    /// <summary>Sends <paramref name="body"/> as a <c>multipart/form-data</c> body.</summary>
    public static void SetMultipartBody(HttpRequestMessage request, MultipartBody body)
        => AttachContent(request, body.CreateContent());

    /// <summary>Sends text (UTF-8); null sends no body. <paramref name="contentType"/> null: <c>text/plain; charset=utf-8</c>.</summary>
    /// <remarks>A given type is sent exactly as written (no charset is added to it): the API's own documentation names it.</remarks>
    public static void SetTextBody(HttpRequestMessage request, string? text, string? contentType)
    {
        if (text is null)
        {
            return;
        }

        AttachTyped(request, new ByteArrayContent(Encoding.UTF8.GetBytes(text)), contentType ?? PlainTextUtf8);
    }

    /// <summary>Sends bytes; null sends no body. <paramref name="contentType"/> null: <c>application/octet-stream</c>.</summary>
    public static void SetBinaryBody(HttpRequestMessage request, byte[]? bytes, string? contentType)
    {
        if (bytes is null)
        {
            return;
        }

        AttachTyped(request, new ByteArrayContent(bytes), contentType ?? FileMediaTypes.OctetStream);
    }

    /// <summary>Sends bytes. <paramref name="contentType"/> null: <c>application/octet-stream</c>.</summary>
    public static void SetBinaryBody(HttpRequestMessage request, ReadOnlyMemory<byte> bytes, string? contentType)
        => AttachTyped(request, new ReadOnlyMemoryContent(bytes), contentType ?? FileMediaTypes.OctetStream);

    /// <summary>Sends a stream as it is read; null sends no body. <paramref name="contentType"/> null: <c>application/octet-stream</c>.</summary>
    /// <remarks>
    /// A retry sends the stream again from where it stood the first time when it can seek; one
    /// that cannot seek can be sent once. The stream stays the caller's: it is never disposed here.
    /// </remarks>
    /// <exception cref="NodeInputException">The stream was read by an earlier attempt and cannot seek back.</exception>
    public static void SetBinaryBody(HttpRequestMessage request, Stream? stream, string? contentType)
    {
        if (stream is null)
        {
            return;
        }

        AttachTyped(request, StreamSource.ForRawBody(stream).CreateContent(), contentType ?? FileMediaTypes.OctetStream);
    }

    /// <summary>Sends a file; null sends no body. <paramref name="contentType"/> null: the file's own type.</summary>
    /// <exception cref="NodeInputException">The file is missing, or its stream was sent already and cannot seek back.</exception>
    public static void SetBinaryBody(HttpRequestMessage request, SdkNodes.NodeFile? file, string? contentType)
    {
        if (file is null)
        {
            return;
        }

        HttpContent content = file.CreateContent();
        if (contentType is not null)
        {
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        AttachContent(request, content);
    }

    // As text: a [ContentType] is sent exactly as written, never re-formatted by parsing it.
    private static void AttachTyped(HttpRequestMessage request, HttpContent content, string contentType)
    {
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        AttachContent(request, content);
    }
}
