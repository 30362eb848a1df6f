using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// The body of an <c>IApiNode&lt;Stream&gt;</c> node, read by the caller as it arrives, with the
/// node's rules still applied: never more than the size limit (one byte past it, at most, to see
/// that the body goes on), and never after the node's timeout. It owns the response: disposing
/// it (or the <see cref="NodeResult"/> that holds it) closes the connection unless the rest of
/// the body is short enough for the handler to drain.
/// </summary>
internal sealed class ResponseBodyStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly long _maxBytes;
    private readonly TimeSpan _timeout;
    private readonly Uri? _target;

    // The node's timeout for this body, begun with the attempt. The attempt's own timeout source
    // is pooled and reused as soon as the attempt ends, so the body cannot borrow it: this one
    // lives until the stream is disposed. Null when the node has no timeout.
    private readonly CancellationTokenSource? _deadline;
    private long _read;
    private bool _tooLarge;
    private int _disposed;

    public ResponseBodyStream(HttpResponseMessage response, Stream body, long maxBytes, TimeSpan timeout, TimeSpan left, Uri? target, TimeProvider time)
    {
        _response = response;
        _body = body;
        _maxBytes = maxBytes;
        _timeout = timeout;
        _target = target;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _deadline = left > TimeSpan.Zero ? new CancellationTokenSource(left, time) : new CancellationTokenSource();
            if (left <= TimeSpan.Zero)
            {
                _deadline.Cancel();
            }
        }
    }

    public override bool CanRead => _disposed == 0;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A response body that is read as it arrives has no length; the declared one is NodeResult.ContentLength.");

    /// <summary>How many bytes the caller has read.</summary>
    public override long Position
    {
        get => Interlocked.Read(ref _read);
        set => throw new NotSupportedException("A response body cannot seek.");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfUnreadable(cancellationToken);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // The caller's token and the deadline both stop the read; the link costs an allocation
        // only when the caller gave a token of their own.
        using CancellationTokenSource? linked = _deadline is not null && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token)
            : null;
        CancellationToken token = linked?.Token ?? _deadline?.Token ?? cancellationToken;
        try
        {
            return Count(await _body.ReadAsync(buffer[..Allowed(buffer.Length)], token).ConfigureAwait(false));
        }
        catch (Exception ex) when (HasTimedOut(cancellationToken) && ex is not ResponseTooLargeException)
        {
            throw TimedOut(ex);
        }
    }

    public override int Read(Span<byte> buffer)
    {
        ThrowIfUnreadable(CancellationToken.None);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // A blocking read cannot take a token: the deadline closes the response under it instead.
        using CancellationTokenRegistration abort = _deadline?.Token.UnsafeRegister(static s => ((HttpResponseMessage)s!).Dispose(), _response) ?? default;
        try
        {
            return Count(_body.Read(buffer[..Allowed(buffer.Length)]));
        }
        catch (Exception ex) when (HasTimedOut(CancellationToken.None) && ex is not ResponseTooLargeException)
        {
            throw TimedOut(ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    // Stream's own version would go through a blocking Read on the thread pool.
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A response body cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A response body is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A response body is read-only.");

    public override ValueTask DisposeAsync()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
        return default;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // The response closes its connection (or drains a short rest of the body into the pool).
            _body.Dispose();
            _response.Dispose();
            _deadline?.Dispose();
        }

        base.Dispose(disposing);
    }

    // At most one byte past the limit is asked for: enough to know the body goes on.
    private int Allowed(int wanted) => (int)Math.Min(wanted, _maxBytes - _read + 1);

    private int Count(int read)
    {
        long left = _maxBytes - _read;
        if (read > left)
        {
            // The body goes on past the limit. The bytes up to it are the caller's; the one past
            // it is dropped, and the next read says why the body ends there. A read that would
            // return only bytes past the limit says so now: 0 would read as the end of the body.
            _tooLarge = true;
            if (left == 0)
            {
                throw new ResponseTooLargeException(_maxBytes);
            }

            read = (int)left;
        }

        Interlocked.Add(ref _read, read);
        return read;
    }

    private void ThrowIfUnreadable(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_tooLarge)
        {
            throw new ResponseTooLargeException(_maxBytes);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (HasTimedOut(cancellationToken))
        {
            throw TimedOut(inner: null);
        }
    }

    private bool HasTimedOut(CancellationToken callerToken) => _deadline is { IsCancellationRequested: true } && !callerToken.IsCancellationRequested;

    // As HttpClient reports its own timeout: a cancellation whose inner exception is a TimeoutException.
    private TaskCanceledException TimedOut(Exception? inner)
    {
        string message = FailureMessages.Timeout(_target, _timeout).Message;
        return new TaskCanceledException(message, new TimeoutException(message, inner));
    }
}
