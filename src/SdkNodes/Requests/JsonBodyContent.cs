using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// A JSON request body, serialized once (so a value that cannot be written fails before
/// anything is sent) into a pooled buffer, and sent with a Content-Length, which servers that
/// refuse chunked request bodies need.
/// </summary>
/// <remarks>
/// The buffer goes back to the pool when the content is disposed, but never while a send is
/// still writing from it: a request that timed out is disposed while the handler may not yet
/// have finished with its body, and a buffer handed to another request meanwhile would leak
/// that request's bytes onto this connection. So the last of dispose and the sends returns it.
/// </remarks>
internal sealed class JsonBodyContent : HttpContent
{
    private readonly ArrayPool<byte> _pool;
    private readonly byte[] _buffer;
    private readonly int _length;

    // Sends in progress times two, plus one once disposed: the buffer is returned when it
    // becomes exactly 1 (disposed, nobody sending).
    private int _state;

    public JsonBodyContent(PooledBufferWriter written)
    {
        _pool = written.Pool;
        (_buffer, _length) = written.Detach();
        // As text: it is parsed only if someone reads it back.
        Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
    }

    /// <summary>The JSON, for tests and for whoever reads the request before it is disposed.</summary>
    internal ReadOnlySpan<byte> Json => _buffer.AsSpan(0, _length);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        BeginSend();
        ValueTask write;
        try
        {
            write = stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken);
        }
        catch
        {
            EndSend();
            throw;
        }

        if (write.IsCompletedSuccessfully)
        {
            // Written at once (into the connection's buffer): no state machine.
            EndSend();
            return Task.CompletedTask;
        }

        return EndSendWhenWrittenAsync(write);
    }

    private async Task EndSendWhenWrittenAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        finally
        {
            EndSend();
        }
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        BeginSend();
        try
        {
            stream.Write(_buffer, 0, _length);
        }
        finally
        {
            EndSend();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Or(ref _state, 1) == 0)
        {
            _pool.Return(_buffer);
        }

        base.Dispose(disposing);
    }

    private void BeginSend()
    {
        while (true)
        {
            int state = Volatile.Read(ref _state);
            ObjectDisposedException.ThrowIf((state & 1) != 0, this);
            if (Interlocked.CompareExchange(ref _state, state + 2, state) == state)
            {
                return;
            }
        }
    }

    private void EndSend()
    {
        if (Interlocked.Add(ref _state, -2) == 1)
        {
            _pool.Return(_buffer);
        }
    }
}
