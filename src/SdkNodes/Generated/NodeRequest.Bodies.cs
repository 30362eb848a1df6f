using System;
using System.IO;
using System.Net.Http;

namespace SdkNodes.Generated;

// Non-JSON request bodies, for generated code.
public static partial class NodeRequest
{
    /// <summary>Sends <paramref name="form"/> as an <c>application/x-www-form-urlencoded</c> body.</summary>
    public static void SetFormBody(HttpRequestMessage request, FormBody form) => throw new NotImplementedException("bodies-rt");

    /// <summary>Sends <paramref name="body"/> as a <c>multipart/form-data</c> body.</summary>
    public static void SetMultipartBody(HttpRequestMessage request, MultipartBody body) => throw new NotImplementedException("bodies-rt");

    /// <summary>Sends text (UTF-8); null sends no body. <paramref name="contentType"/> null: <c>text/plain; charset=utf-8</c>.</summary>
    public static void SetTextBody(HttpRequestMessage request, string? text, string? contentType) => throw new NotImplementedException("bodies-rt");

    /// <summary>Sends bytes; null sends no body. <paramref name="contentType"/> null: <c>application/octet-stream</c>.</summary>
    public static void SetBinaryBody(HttpRequestMessage request, byte[]? bytes, string? contentType) => throw new NotImplementedException("bodies-rt");

    /// <summary>Sends bytes. <paramref name="contentType"/> null: <c>application/octet-stream</c>.</summary>
    public static void SetBinaryBody(HttpRequestMessage request, ReadOnlyMemory<byte> bytes, string? contentType) => throw new NotImplementedException("bodies-rt");

    /// <summary>Sends a stream as it is read; null sends no body. <paramref name="contentType"/> null: <c>application/octet-stream</c>.</summary>
    public static void SetBinaryBody(HttpRequestMessage request, Stream? stream, string? contentType) => throw new NotImplementedException("bodies-rt");

    /// <summary>Sends a file; null sends no body. <paramref name="contentType"/> null: the file's own type.</summary>
    public static void SetBinaryBody(HttpRequestMessage request, SdkNodes.NodeFile? file, string? contentType) => throw new NotImplementedException("bodies-rt");
}
