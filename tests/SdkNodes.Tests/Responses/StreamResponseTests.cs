using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Hedging;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Responses;

/// <summary>Stream nodes: the body read as it arrives, under the node's size limit and timeout, owned by the result.</summary>
public sealed class StreamResponseTests
{
    private static readonly byte[] s_megabyte = BinaryResponseTests.RandomBytes(1024 * 1024, seed: 2);

    [Fact]
    public async Task AMegabyteDownload_AsAStream_IsTheSameBytes_AndTheHistoryHasTheDeclaredLength()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", () => Results.Bytes(s_megabyte, "application/octet-stream")));
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);

        using var result = await new DownloadStream { Name = "megabyte.bin" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(("application/octet-stream", 1024L * 1024), (result.ContentType, result.ContentLength));
        Assert.Null(result.RawBody);
        byte[] hash = await SHA256.HashDataAsync(Assert.IsAssignableFrom<Stream>(result.Body), TestRuntime.Token);
        Assert.Equal(SHA256.HashData(s_megabyte), hash);
        Assert.Equal(1024L * 1024, Assert.Single(history.Records).ResponseBytes);
    }

    [Fact]
    public async Task AChunkedStream_HasNoDeclaredLength_InTheResultOrTheHistory()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", async (HttpContext context) =>
        {
            for (int i = 0; i < 4; i++)
            {
                await context.Response.Body.WriteAsync(s_megabyte.AsMemory(i * 1000, 1000));
                await context.Response.Body.FlushAsync();
            }
        }));
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);

        await using var result = await new DownloadStream { Name = "chunked" }.SendAsync(runtime, TestRuntime.Token);
        using var copy = new MemoryStream();
        await result.Body!.CopyToAsync(copy, TestRuntime.Token);

        Assert.Equal(s_megabyte.AsSpan(0, 4000).ToArray(), copy.ToArray());
        Assert.Null(result.ContentLength);
        Assert.Null(Assert.Single(history.Records).ResponseBytes);
    }

    [Fact]
    public async Task AStreamPastTheLimit_FailsWhileItIsRead_WithTheSizeWording()
    {
        // Chunked, so nothing declares the size: the stream finds out as it is read.
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", async (HttpContext context) =>
        {
            for (int i = 0; i < 10 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(s_megabyte.AsMemory(i * 500, 500), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }));
        using var runtime = TestRuntime.For(server);

        using var result = await new DownloadStreamUpToOneKilobyte { Name = "big" }.SendAsync(runtime, TestRuntime.Token);
        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        var buffer = new byte[4096];
        int read = 0;
        var tooLarge = await Assert.ThrowsAsync<ResponseTooLargeException>(async () =>
        {
            while (await result.Body!.ReadAsync(buffer, TestRuntime.Token) is > 0 and int n)
            {
                read += n;
            }
        });

        Assert.IsAssignableFrom<IOException>(tooLarge);
        Assert.Equal(1024, read); // every byte up to the limit, none past it
        Assert.StartsWith("The response is larger than the allowed 1,024 bytes", tooLarge.Message.Replace('\u00A0', ',').Replace('.', ','), StringComparison.Ordinal);
        await Assert.ThrowsAsync<ResponseTooLargeException>(async () => await result.Body!.ReadExactlyAsync(buffer, TestRuntime.Token));
    }

    [Fact]
    public async Task AStreamDeclaredPastTheLimit_IsRefusedBeforeItIsHandedOut()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", () => Results.Bytes(s_megabyte, "application/octet-stream")));
        using var runtime = TestRuntime.For(server);

        using var result = await new DownloadStreamUpToOneKilobyte { Name = "megabyte.bin" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Failed, NodeErrorKind.ResponseTooLarge, 200), (result.Outcome, result.Error?.Kind, result.StatusCode));
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task AStalledStream_TimesOut_AtTheNodesTimeout_CountedFromTheStartOfTheAttempt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var headersMayGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", async (HttpContext context) =>
        {
            arrived.TrySetResult();
            await headersMayGo.Task.WaitAsync(HeldResponse.MaxHold);
            context.Response.ContentLength = 1000;
            await context.Response.Body.WriteAsync(s_megabyte.AsMemory(0, 100));
            await context.Response.Body.FlushAsync();
            try
            {
                // Then nothing more: held until the client gives up (or, as a safety net, 10 s).
                await Task.Delay(HeldResponse.MaxHold, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.TrySetResult();
            }
        }));
        using var runtime = TestRuntime.For(server, time: time);

        var sending = new DownloadStreamWithinFiveSeconds { Name = "stalls" }.SendAsync(runtime, TestRuntime.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), TestRuntime.Token);
        time.Advance(TimeSpan.FromSeconds(3)); // 3 of the 5 seconds pass before the headers
        headersMayGo.SetResult();
        using var result = await sending;
        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Stream body = result.Body!;
        var first = new byte[100];
        await body.ReadExactlyAsync(first, TestRuntime.Token);

        ValueTask<int> stalled = body.ReadAtLeastAsync(new byte[100], 1, cancellationToken: TestRuntime.Token);
        time.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(50, TestRuntime.Token);
        Assert.False(stalled.IsCompleted, "the read ended before the node's timeout");
        time.Advance(TimeSpan.FromSeconds(0.2));

        var timedOut = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stalled.AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestRuntime.Token));
        var timeout = Assert.IsType<TimeoutException>(timedOut.InnerException);
        Assert.Equal($"No complete answer came from {server.BaseAddress.Authority} within 5 seconds, so the request was stopped.", timeout.Message);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await body.ReadExactlyAsync(new byte[10], TestRuntime.Token));
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestRuntime.Token);
    }

    [Fact]
    public async Task DisposingTheResult_ClosesTheConnection_AndTheStream()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", async (HttpContext context) =>
        {
            // An endless body: only the client going away ends it.
            try
            {
                while (true)
                {
                    await context.Response.Body.WriteAsync(s_megabyte.AsMemory(0, 64 * 1024), context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                aborted.TrySetResult();
            }
        }));
        using var runtime = TestRuntime.For(server, configure: o => o.MaxResponseBytes = long.MaxValue / 2);

        var result = await new DownloadStream { Name = "endless" }.SendAsync(runtime, TestRuntime.Token);
        Stream body = result.Body!;
        await body.ReadExactlyAsync(new byte[1000], TestRuntime.Token);
        await Task.Delay(100, TestRuntime.Token);
        Assert.False(aborted.Task.IsCompleted, "the server saw the request end before the result was disposed");

        await result.DisposeAsync();

        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestRuntime.Token);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await body.ReadExactlyAsync(new byte[10], TestRuntime.Token));
        Assert.Equal(1000, body.Position);
    }

    [Fact]
    public async Task AFailedStatus_OnAStreamNode_KeepsTheErrorTextAndHandsOutNoStream()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", () => Results.Text("the archive is offline", "text/plain", statusCode: 503)));
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);

        using var result = await new DownloadStream { Name = "archive.zip" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Failed, NodeErrorKind.Status, "503"), (result.Outcome, result.Error?.Kind, result.Error?.Code));
        Assert.Null(result.Body);
        Assert.Equal("the archive is offline", result.RawBody);
        Assert.Equal(22, result.ContentLength);
        Assert.Equal(22, Assert.Single(history.Records).ResponseBytes);
    }

    [Fact]
    public async Task AStreamNode_IsRetried_AndOnlyTheSuccessfulAttemptsBodyIsHandedOut()
    {
        int calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", () =>
            Interlocked.Increment(ref calls) == 1
                ? Results.Text("busy", "text/plain", statusCode: 503)
                : Results.Bytes(s_megabyte.AsMemory(0, 5000).ToArray(), "application/octet-stream")));
        using var runtime = TestRuntime.For(server);

        using var result = await new DownloadStreamRetried { Name = "flaky" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal([503, 200], result.Attempts.Select(a => a.StatusCode));
        Assert.Null(result.RawBody);
        using var copy = new MemoryStream();
        await result.Body!.CopyToAsync(copy, TestRuntime.Token);
        Assert.Equal(s_megabyte.AsSpan(0, 5000).ToArray(), copy.ToArray());
    }

    [Fact]
    public async Task AnAttemptThatIsNotTheFinalOne_DisposesItsStream_AndItsConnection()
    {
        var aborted = new ConcurrentDictionary<int, bool>();
        var firstAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int requests = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", async (HttpContext context) =>
        {
            int number = Interlocked.Increment(ref requests);
            try
            {
                while (true)
                {
                    await context.Response.Body.WriteAsync(s_megabyte.AsMemory(0, 64 * 1024), context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                aborted[number] = true;
                if (number == 1)
                {
                    firstAborted.TrySetResult();
                }
            }
        }));
        int judged = 0;
        using var runtime = TestRuntime.For(server, configure: o =>
        {
            o.MaxResponseBytes = long.MaxValue / 2;

            // A caller's hedge that turns down the first successful answer (as a hedge turns down
            // an answer it no longer needs) and takes the second: the first result must not leak.
            o.ConfigureResilience = (builder, _) => builder.AddHedging(new HedgingStrategyOptions<NodeResult>
            {
                MaxHedgedAttempts = 1,
                Delay = Timeout.InfiniteTimeSpan,
                ShouldHandle = args => ValueTask.FromResult(Interlocked.Increment(ref judged) == 1),
            });
        });

        using var result = await new DownloadStream { Name = "endless" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Succeeded, 2), (result.Outcome, result.Attempts.Count));
        await firstAborted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestRuntime.Token);
        await result.Body!.ReadExactlyAsync(new byte[1000], TestRuntime.Token);
        Assert.False(aborted.ContainsKey(2), "the final attempt's connection was closed under the caller");
    }

    [Fact]
    public async Task ResultsOfOtherNodes_MayBeDisposed_AndStayReadable()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/files/{name}", () => Results.Bytes([1, 2, 3], "application/octet-stream")));
        using var runtime = TestRuntime.For(server);

        var result = await new DownloadBytes { Name = "three" }.SendAsync(runtime, TestRuntime.Token);
        result.Dispose();

        Assert.Equal([1, 2, 3], result.Body);
    }
}
