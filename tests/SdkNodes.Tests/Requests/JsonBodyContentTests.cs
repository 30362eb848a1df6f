using System.Buffers;
using System.Collections.Concurrent;

namespace SdkNodes.Tests.Requests;

/// <summary>
/// The request body's pooled buffer goes back to the pool exactly once, and never while a send
/// is still writing from it (a timed-out request is disposed while its send may be running).
/// </summary>
public sealed class JsonBodyContentTests
{
    [Fact]
    public async Task Sent_ThenDisposed_ReturnsTheBufferOnce()
    {
        var pool = new RecordingPool();
        var content = Create(pool, """{"a":1}""");

        var sent = new MemoryStream();
        await content.CopyToAsync(sent, TestContext.Current.CancellationToken);
        Assert.Empty(pool.Returned);
        Assert.Equal(7, content.Headers.ContentLength);

        content.Dispose();
        content.Dispose();

        Assert.Equal("""{"a":1}""", System.Text.Encoding.UTF8.GetString(sent.ToArray()));
        Assert.Single(pool.Returned);
    }

    [Fact]
    public async Task DisposedWhileSending_ReturnsTheBufferOnlyWhenTheSendEnds()
    {
        var pool = new RecordingPool();
        var content = Create(pool, """{"held":true}""");
        var stream = new HeldStream();

        Task sending = content.CopyToAsync(stream, TestContext.Current.CancellationToken);
        await stream.WriteStarted.Task.WaitAsync(TestContext.Current.CancellationToken);
        content.Dispose();
        Assert.Empty(pool.Returned);

        stream.Release.SetResult();
        await sending;

        Assert.Single(pool.Returned);
        Assert.Equal("""{"held":true}""", System.Text.Encoding.UTF8.GetString(stream.Written.ToArray()));
    }

    [Fact]
    public async Task ASendThatFails_StillLetsDisposeReturnTheBuffer()
    {
        var pool = new RecordingPool();
        var content = Create(pool, "[]");

        // HttpContent wraps the stream's IOException.
        await Assert.ThrowsAsync<HttpRequestException>(() => content.CopyToAsync(new BrokenStream(), TestContext.Current.CancellationToken));
        Assert.Empty(pool.Returned);
        content.Dispose();

        Assert.Single(pool.Returned);
    }

    [Fact]
    public async Task AStreamThatThrowsAtOnce_StillLetsDisposeReturnTheBuffer()
    {
        var pool = new RecordingPool();
        var content = Create(pool, "{}");

        await Assert.ThrowsAsync<HttpRequestException>(() => content.CopyToAsync(new ThrowingStream(), TestContext.Current.CancellationToken));
        content.Dispose();

        Assert.Single(pool.Returned);
    }

    private static JsonBodyContent Create(ArrayPool<byte> pool, string json)
    {
        var writer = new PooledBufferWriter(16, pool);
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(json);
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
        return new JsonBodyContent(writer);
    }

    private sealed class RecordingPool : ArrayPool<byte>
    {
        public ConcurrentBag<byte[]> Returned { get; } = [];

        public override byte[] Rent(int minimumLength) => new byte[minimumLength];

        public override void Return(byte[] array, bool clearArray = false) => Returned.Add(array);
    }

    private sealed class HeldStream : MemoryStream
    {
        public TaskCompletionSource WriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public MemoryStream Written { get; } = new();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            WriteStarted.TrySetResult();
            await Release.Task.ConfigureAwait(false);
            Written.Write(buffer.Span);
        }
    }

    private sealed class ThrowingStream : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            => throw new IOException("The stream is closed.");
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromException(new IOException("The connection was reset."));
    }
}
