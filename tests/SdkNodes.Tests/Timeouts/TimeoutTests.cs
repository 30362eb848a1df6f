using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Timeouts;

// The clock is a FakeTimeProvider: a test waits until the request has reached the server's
// held route, then moves time on. Only one test uses the real clock.
public sealed class TimeoutTests
{
    private static Task<LoopbackServer> StartSlowServerAsync(HeldResponse held)
        => LoopbackServer.StartAsync(app => app.MapGet("/slow", held.Route));

    [Fact]
    public async Task Timeout_ContinuePolicy_ReturnsTimedOutResult()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponse();
        var history = new InMemoryHistorySink();
        await using var server = await StartSlowServerAsync(held);
        using var runtime = TestRuntime.For(server, history, time);

        var sending = new SlowDefault().SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(11));
        var result = await sending;

        Assert.Equal(NodeOutcome.TimedOut, result.Outcome);
        Assert.False(result.IsSuccess);
        Assert.Null(result.StatusCode);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Timeout, error.Kind);
        Assert.Contains("10 seconds", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(11), result.Elapsed);
        var record = Assert.Single(history.Records);
        Assert.Equal(NodeOutcome.TimedOut, record.Outcome);
        Assert.Equal(NodeErrorKind.Timeout, record.ErrorKind);
    }

    [Fact]
    public async Task Timeout_DefaultOfTenSeconds_IsNotReachedAfterNineSeconds()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponse();
        await using var server = await StartSlowServerAsync(held);
        using var runtime = TestRuntime.For(server, time: time);

        var sending = new SlowDefault().SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(9));
        held.Release();
        var result = await sending;

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task Timeout_AttributeOfTwoSeconds_IsNotReachedAtOneAndAHalfSeconds()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponse();
        await using var server = await StartSlowServerAsync(held);
        using var runtime = TestRuntime.For(server, time: time);

        var sending = new SlowTwoSeconds().SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(1.5));
        held.Release();
        var result = await sending;

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1.5), result.Elapsed);
    }

    [Fact]
    public async Task Timeout_AttributeOfTwoSeconds_IsReachedPastTwoSeconds()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponse();
        await using var server = await StartSlowServerAsync(held);
        using var runtime = TestRuntime.For(server, time: time);

        var sending = new SlowTwoSeconds().SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(2.5));
        var result = await sending;

        Assert.Equal(NodeOutcome.TimedOut, result.Outcome);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Timeout, error.Kind);
        Assert.Contains("2 seconds", error.Message);
    }

    [Fact]
    public async Task Timeout_NodeTimeoutsOption_ShorterThanTheAttribute_Wins()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponse();
        await using var server = await StartSlowServerAsync(held);
        using var runtime = TestRuntime.For(server, time: time, configure: o => o.NodeTimeouts["SlowTwoSeconds"] = TimeSpan.FromSeconds(1));

        var sending = new SlowTwoSeconds().SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(1.5));
        var result = await sending;

        Assert.Equal(NodeOutcome.TimedOut, result.Outcome);
        Assert.Equal(NodeErrorKind.Timeout, result.Error?.Kind);
        Assert.Contains("1 second", result.Error?.Message);
    }

    [Fact]
    public async Task Timeout_NodeTimeoutsOption_LongerThanTheAttribute_Wins()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponse();
        await using var server = await StartSlowServerAsync(held);
        using var runtime = TestRuntime.For(server, time: time, configure: o => o.NodeTimeouts["SlowTwoSeconds"] = TimeSpan.FromSeconds(5));

        var sending = new SlowTwoSeconds().SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(3));
        held.Release();
        var result = await sending;

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
    }

    [Fact]
    public async Task Timeout_AbortPolicy_ThrowsNodeAbortedWithATimedOutResult()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponse();
        var history = new InMemoryHistorySink();
        await using var server = await StartSlowServerAsync(held);
        using var runtime = TestRuntime.For(server, history, time);

        var sending = new SlowAbort().SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(11));
        var aborted = await Assert.ThrowsAsync<NodeAbortedException>(() => sending);

        Assert.Equal(NodeOutcome.TimedOut, aborted.Result.Outcome);
        Assert.Equal(NodeErrorKind.Timeout, aborted.Result.Error?.Kind);
        Assert.Equal("SlowAbort", aborted.Result.NodeName);
        Assert.Contains("SlowAbort", aborted.Message);
        Assert.Contains("timed out", aborted.Message);
        var record = Assert.Single(history.Records);
        Assert.Equal(NodeOutcome.TimedOut, record.Outcome);
        Assert.Equal("SlowAbort", record.NodeName);
    }

    [Fact]
    public async Task Timeout_RealClock_ShortTimeoutAgainstASlowServer_TimesOut()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async (HttpContext context) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up.
            }

            return Results.Json(new { ok = true });
        }));
        using var runtime = TestRuntime.For(server);

        var result = await new SlowQuickTimeout().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.TimedOut, result.Outcome);
        Assert.Equal(NodeErrorKind.Timeout, result.Error?.Kind);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task Cancellation_ByTheCaller_ThrowsOperationCanceled_AndRecordsCancelled()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponse();
        var history = new InMemoryHistorySink();
        await using var server = await StartSlowServerAsync(held);
        using var runtime = TestRuntime.For(server, history, time);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestRuntime.Token);

        var sending = new SlowDefault().SendAsync(runtime, cancel.Token);
        await held.WaitUntilArrivedAsync();
        await cancel.CancelAsync();
        var thrown = await Record.ExceptionAsync(() => sending);

        // Exactly cancellation: not a timeout, not a TimedOut result.
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        var record = Assert.Single(history.Records);
        Assert.Equal(NodeOutcome.Cancelled, record.Outcome);
        Assert.Equal(NodeErrorKind.Cancelled, record.ErrorKind);
    }

    [Fact]
    public async Task Cancellation_OfAnAbortNode_ThrowsOperationCanceled_NotNodeAborted()
    {
        var held = new HeldResponse();
        var history = new InMemoryHistorySink();
        await using var server = await StartSlowServerAsync(held);
        using var runtime = TestRuntime.For(server, history, new FakeTimeProvider());
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestRuntime.Token);

        var sending = new SlowAbort().SendAsync(runtime, cancel.Token);
        await held.WaitUntilArrivedAsync();
        await cancel.CancelAsync();
        var thrown = await Record.ExceptionAsync(() => sending);

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Equal(NodeOutcome.Cancelled, Assert.Single(history.Records).Outcome);
    }

    [Fact]
    public async Task Cancellation_BeforeSending_ThrowsOperationCanceled_SendsNothing_AndRecordsCancelled()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartSlowServerAsync(new HeldResponse());
        using var runtime = TestRuntime.For(server, history);

        var thrown = await Record.ExceptionAsync(() => new SlowDefault().SendAsync(runtime, new CancellationToken(canceled: true)));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Empty(server.Requests);
        Assert.Equal(NodeOutcome.Cancelled, Assert.Single(history.Records).Outcome);
    }
}
