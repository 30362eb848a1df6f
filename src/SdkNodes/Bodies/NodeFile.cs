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
    // Exactly one of these is set: what the file is made from.
    private readonly string? _path;
    private readonly byte[]? _bytes;
    private readonly StreamSource? _stream;

    private NodeFile(string fileName, string contentType, long? length, string? path, byte[]? bytes, StreamSource? stream)
    {
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        _path = path;
        _bytes = bytes;
        _stream = stream;
    }

    /// <summary>The file's name as sent (the part's <c>filename</c>).</summary>
    public string FileName { get; }

    /// <summary>The media type sent for it.</summary>
    public string ContentType { get; }

    /// <summary>Its length in bytes, when known.</summary>
    public long? Length { get; }

    /// <summary>A file on disk, streamed when sent; the type from <paramref name="contentType"/> or the extension.</summary>
    /// <remarks>
    /// The file need not exist yet: it is looked for each time a request is built, and a missing
    /// file then fails the node as invalid input naming it.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty, or names no file (ends with a separator).</exception>
    public static NodeFile FromPath(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fileName = Path.GetFileName(path);
        if (fileName.Length == 0)
        {
            throw new ArgumentException($"The path '{path}' names a folder, not a file.", nameof(path));
        }

        var info = new FileInfo(path);
        return new NodeFile(fileName, contentType ?? FileMediaTypes.ForFileName(fileName), info.Exists ? info.Length : null, info.FullName, null, null);
    }

    /// <summary>A file held in memory.</summary>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    public static NodeFile FromBytes(string fileName, byte[] bytes, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        return new NodeFile(fileName, contentType ?? FileMediaTypes.ForFileName(fileName), bytes.Length, null, bytes, null);
    }

    /// <summary>A file read from <paramref name="stream"/> when sent (rewound for a retry when it can seek).</summary>
    /// <remarks>A stream that cannot seek can be sent once: a retry then fails the node as invalid input. The stream stays the caller's to dispose.</remarks>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static NodeFile FromStream(string fileName, Stream stream, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(stream);
        long? length = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
        return new NodeFile(fileName, contentType ?? FileMediaTypes.ForFileName(fileName), length, null, null, new StreamSource(stream, $"file '{fileName}'"));
    }

    /// <summary>The content that sends the file (a new one per request: a retry sends it again), typed <see cref="ContentType"/>.</summary>
    /// <exception cref="NodeInputException">The file is missing, or its stream was sent already and cannot seek back.</exception>
    internal HttpContent CreateContent()
    {
        HttpContent content;
        if (_path is not null)
        {
            // Looked at now, not when FromPath ran: the file may have been written (or removed) since.
            var info = new FileInfo(_path);
            if (!info.Exists)
            {
                throw new NodeInputException($"The file '{FileName}' to upload does not exist (looked for at '{_path}').");
            }

            content = new FileBodyContent(_path, info.Length);
        }
        else if (_bytes is not null)
        {
            content = new ByteArrayContent(_bytes);
        }
        else
        {
            content = _stream!.CreateContent();
        }

        // As text: the caller's type is sent exactly as given.
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return content;
    }
}
