using System;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;

namespace SdkNodes;

/// <summary>
/// A caller's stream sent as a body, perhaps more than once: a retry builds the request again
/// and so asks for a new content. A seekable stream is rewound to where it stood the first time;
/// one that cannot seek can be sent only once, and asking again is the caller's input error.
/// </summary>
internal sealed class StreamSource
{
    // A raw Stream body arrives anew at each CreateRequest (a retry calls it again), so what
    // happened to that stream before is kept beside it, and goes away with it.
    private static readonly ConditionalWeakTable<Stream, StreamSource> RawBodies = new();

    private readonly Stream _stream;
    private readonly string _description;
    private readonly long _start;

    // 1 once a content began reading the stream.
    private int _read;

    public StreamSource(Stream stream, string description)
    {
        _stream = stream;
        _description = description;
        _start = stream.CanSeek ? stream.Position : 0;
    }

    /// <summary>The source of a raw body stream, the same one each time that stream is given.</summary>
    public static StreamSource ForRawBody(Stream stream)
        => RawBodies.GetValue(stream, static s => new StreamSource(s, "the request body"));

    /// <summary>A new content sending the stream from its start.</summary>
    /// <exception cref="NodeInputException">The stream was read already and cannot seek back.</exception>
    public HttpContent CreateContent()
    {
        if (Volatile.Read(ref _read) != 0 && !_stream.CanSeek)
        {
            throw new NodeInputException(
                $"The stream of {_description} can be sent only once; it was read by an earlier attempt and cannot seek back. " +
                "Give a seekable stream (or bytes, or NodeFile.FromPath) to have it sent again.");
        }

        return new Content(this);
    }

    /// <summary>The bytes from where the stream first stood to its end, when it can seek (so Content-Length is sent).</summary>
    private long? Remaining => _stream.CanSeek ? Math.Max(0, _stream.Length - _start) : null;

    /// <summary>Rewinds the stream (when read before and able to) and marks it read.</summary>
    /// <exception cref="InvalidOperationException">The stream was read already and cannot seek back.</exception>
    private Stream BeginRead()
    {
        if (Interlocked.Exchange(ref _read, 1) != 0)
        {
            if (!_stream.CanSeek)
            {
                // Only the handler re-sending this very content (a stale connection) lands here.
                throw new InvalidOperationException($"The stream of {_description} was read already and cannot seek back.");
            }

            _stream.Position = _start;
        }

        return _stream;
    }

    /// <summary>Sends the stream as it is read; the stream stays the caller's (never disposed here), so a retry can send it again.</summary>
    private sealed class Content(StreamSource source) : HttpContent
    {
        private const int BufferSize = 64 * 1024;

        protected override bool TryComputeLength(out long length)
        {
            length = source.Remaining ?? 0;
            return source.Remaining is not null;
        }

        protected override System.Threading.Tasks.Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
            => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override System.Threading.Tasks.Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
            => source.BeginRead().CopyToAsync(stream, BufferSize, cancellationToken);

        protected override void SerializeToStream(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
            => source.BeginRead().CopyTo(stream, BufferSize);
    }
}
