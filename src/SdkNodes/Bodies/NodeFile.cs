using System;
using System.IO;
using System.Net.Http;

namespace SdkNodes;

/// <summary>
/// A file to upload: a <see cref="FilePartAttribute"/> part or a raw <see cref="BodyAttribute"/>
/// body. Made from a path (streamed from disk when sent, never read whole into memory), bytes,
/// or a stream.
/// </summary>
public sealed class NodeFile
{
    private NodeFile(string fileName, string contentType, long? length)
    {
        FileName = fileName;
        ContentType = contentType;
        Length = length;
    }

    /// <summary>The file's name as sent (the part's <c>filename</c>).</summary>
    public string FileName { get; }

    /// <summary>The media type sent for it.</summary>
    public string ContentType { get; }

    /// <summary>Its length in bytes, when known.</summary>
    public long? Length { get; }

    /// <summary>A file on disk, streamed when sent; the type from <paramref name="contentType"/> or the extension.</summary>
    public static NodeFile FromPath(string path, string? contentType = null) => throw new NotImplementedException("bodies-rt");

    /// <summary>A file held in memory.</summary>
    public static NodeFile FromBytes(string fileName, byte[] bytes, string? contentType = null) => throw new NotImplementedException("bodies-rt");

    /// <summary>A file read from <paramref name="stream"/> when sent (rewound for a retry when it can seek).</summary>
    public static NodeFile FromStream(string fileName, Stream stream, string? contentType = null) => throw new NotImplementedException("bodies-rt");

    /// <summary>The content that sends the file (a new one per request: a retry sends it again).</summary>
    internal HttpContent CreateContent() => throw new NotImplementedException("bodies-rt");
}
