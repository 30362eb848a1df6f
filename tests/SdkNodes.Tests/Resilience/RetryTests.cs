using Microsoft.Extensions.Time.Testing;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Resilience;

/// <summary>[Retry] against a real server that scripts its failures; time is a FakeTimeProvider.</summary>
public sealed class RetryTests
{
    private static NodeRuntime RuntimeFor(ScriptedServer server, FakeTimeProvider time, InMemoryHistorySink? history = null, Action<NodeRuntimeOptions>? configure = null)
    {
        var options = new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time };
        if (history is not null)
        {
            options.HistorySinks.Add(history);
        }

        configure?.Invoke(options);
        return new NodeRuntime(options);
    }

    [Fact]
    public async Task TwoServiceUnavailable_ThenOk_SucceedsAfterThreeAttempts()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("flaky", 503, 503, 200);
        var history = new InMemoryHistorySink();
        using var runtime = RuntimeFor(server, time, history);

        var result = await new RetriedGet { Name = "flaky" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("answer 200", result.Body);
        Assert.Equal(3, server.RequestsFor("flaky").Count);
        Assert.Equal([503, 503, 200], result.Attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal([1, 2, 3], result.Attempts.Select(a => a.Number));
        Assert.Equal([NodeErrorKind.Status, NodeErrorKind.Status, (NodeErrorKind?)null], result.Attempts.Select(a => a.ErrorKind));
        NodeHistoryRecord record = Assert.Single(history.Records);
        Assert.Equal((NodeOutcome.Succeeded, 3, 200), (record.Outcome, record.Attempts, record.StatusCode));
    }

    [Fact]
    public async Task RetriesRunOut_TheLastAttemptsFailureIsTheResult()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("down", 502);
        using var runtime = RuntimeFor(server, time);

        var result = await new RetriedGet { Name = "down" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Failed, NodeErrorKind.Status, "502"), (result.Outcome, result.Error!.Kind, result.Error.Code));
        Assert.Equal(4, server.RequestsFor("down").Count);
        Assert.Equal(4, result.Attempts.Count);
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfterTwoSeconds_WaitsTwoSecondsOfTheRuntimesClock()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("quota", new ScriptedAnswer(429, RetryAfter: "2"), 200);
        using var runtime = RuntimeFor(server, time);
        DateTimeOffset start = time.GetUtcNow();

        var sending = new RetriedAfterDelay { Name = "quota" }.SendAsync(runtime, TestRuntime.Token);
        await server.WaitForRequestsAsync("quota", 1);
        await Task.Delay(100, TestRuntime.Token);
        time.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(200, TestRuntime.Token);
        Assert.Single(server.RequestsFor("quota"));
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await sending;

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal([start, start + TimeSpan.FromSeconds(2)], server.ArrivalsFor("quota"));
        Assert.Equal(TimeSpan.FromSeconds(2), result.Attempts[1].Delay);
        Assert.Equal(TimeSpan.Zero, result.Attempts[0].Delay);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Elapsed);
    }

    [Fact]
    public async Task ServiceUnavailable_WithRetryAfterAsAnHttpDate_WaitsUntilThatDate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("dated", new ScriptedAnswer(503, RetryAfter: "Sun, 29 Nov 2026 12:00:03 GMT"), 200);
        using var runtime = RuntimeFor(server, time);

        var sending = new RetriedAfterDelay { Name = "dated" }.SendAsync(runtime, TestRuntime.Token);
        await server.WaitForRequestsAsync("dated", 1);
        await Task.Delay(100, TestRuntime.Token);
        time.Advance(TimeSpan.FromSeconds(3));
        var result = await sending;

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(3), result.Attempts[1].Delay);
    }

    [Fact]
    public async Task RetryAfterLongerThanMaxDelay_FailsAtOnce_AndTheMessageNamesTheSecondsAsked()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("later", new ScriptedAnswer(503, RetryAfter: "3600"), 200);
        using var runtime = RuntimeFor(server, time);

        var result = await new RetriedGet { Name = "later" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Failed, NodeErrorKind.Status, "503"), (result.Outcome, result.Error!.Kind, result.Error.Code));
        Assert.Contains("3600 s", result.Error.Message);
        Assert.Contains("MaxDelay of 30 s", result.Error.Message);
        Assert.Single(server.RequestsFor("later"));
        Assert.Equal(TimeSpan.Zero, result.Elapsed);
    }

    [Fact]
    public async Task TimeoutAppliesToEachAttempt_AndElapsedCoversThemAll()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("slow-then-fast", new ScriptedAnswer(200, Hold: true), 200);
        using var runtime = RuntimeFor(server, time);

        var sending = new RetriedWithShortTimeout { Name = "slow-then-fast" }.SendAsync(runtime, TestRuntime.Token);
        await server.WaitForRequestsAsync("slow-then-fast", 1);
        await Task.Delay(100, TestRuntime.Token);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await sending;

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(NodeErrorKind.Timeout, result.Attempts[0].ErrorKind);
        Assert.Contains("1 second", result.Attempts[0].Message);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Attempts[0].Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Elapsed);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(400)]
    [InlineData(501)]
    public async Task StatusNotInOnStatus_IsNotRetried(int status)
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("other", status, 200);
        using var runtime = RuntimeFor(server, time);

        var result = await new RetriedGet { Name = "other" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Single(server.RequestsFor("other"));
        Assert.Single(result.Attempts);
    }

    [Fact]
    public async Task ConnectionFailures_AreRetried()
    {
        var time = new FakeTimeProvider();
        int closed = ClosedPort.Find();
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = new Uri($"http://127.0.0.1:{closed}/"), TimeProvider = time });

        var result = await new RetriedGet { Name = "nobody" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Connection, result.Error!.Kind);
        Assert.Equal(4, result.Attempts.Count);
        Assert.All(result.Attempts, a => Assert.Equal(NodeErrorKind.Connection, a.ErrorKind));
    }

    [Fact]
    public async Task PostWithoutIdempotencyKey_IsSentOnce()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("orders", 503, 200);
        using var runtime = RuntimeFor(server, time);

        var result = await new RetriedPostWithoutKey { Name = "orders" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Failed, "503"), (result.Outcome, result.Error!.Code));
        Assert.Single(server.RequestsFor("orders"));
        Assert.Single(result.Attempts);
        Assert.Null(server.RequestsFor("orders")[0].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task DefaultRetry_AppliesToNodesWithoutRetry_AndRetryZeroTurnsItOff()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("plain", 500, 200);
        server.Script("opted-out", 500, 200);
        using var runtime = RuntimeFor(server, time, configure: o => o.DefaultRetry = new RetrySettings { Retries = 2, Delay = TimeSpan.Zero });

        var plain = await new PlainGet { Name = "plain" }.SendAsync(runtime, TestRuntime.Token);
        var optedOut = await new NeverRetried { Name = "opted-out" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Succeeded, 2), (plain.Outcome, plain.Attempts.Count));
        Assert.Equal((NodeOutcome.Failed, 1), (optedOut.Outcome, optedOut.Attempts.Count));
    }

    [Fact]
    public void DefaultRetry_OutOfRange_IsRefusedWhenTheRuntimeIsMade_NamingTheSetting()
    {
        var options = new NodeRuntimeOptions { DefaultRetry = new RetrySettings { Retries = -1 } };

        var error = Assert.Throws<ArgumentException>(() => new NodeRuntime(options));

        Assert.Contains("NodeRuntimeOptions.DefaultRetry.Retries must be from 0 to 100; it is -1", error.Message);
    }

    [Fact]
    public async Task CancellationDuringTheBackoffDelay_EndsAsCancelled_WithItsHistoryRecord()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("cancelled", 503);
        var history = new InMemoryHistorySink();
        using var runtime = RuntimeFor(server, time, history);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestRuntime.Token);

        var sending = new RetriedSlowly { Name = "cancelled" }.SendAsync(runtime, caller.Token);
        await server.WaitForRequestsAsync("cancelled", 1);
        await Task.Delay(100, TestRuntime.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        NodeHistoryRecord record = Assert.Single(history.Records);
        Assert.Equal((NodeOutcome.Cancelled, NodeErrorKind.Cancelled, 1), (record.Outcome, record.ErrorKind, record.Attempts));
        Assert.Single(server.RequestsFor("cancelled"));
    }

    [Fact]
    public async Task AbortActsOnTheFinalOutcomeOnly()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("recovers", 503, 200);
        server.Script("stays-down", 503);
        using var runtime = RuntimeFor(server, time);
        await using WorkflowRun run = runtime.StartRun("abort-on-final");

        var recovered = await run.SendAsync(new RetriedOrAbort { Name = "recovers" }, TestRuntime.Token);
        Assert.Null(run.AbortedBy);
        var failed = await run.SendAsync(new RetriedOrAbort { Name = "stays-down" }, TestRuntime.Token);
        var after = await run.SendAsync(new PlainGet { Name = "recovers" }, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Succeeded, 2), (recovered.Outcome, recovered.Attempts.Count));
        Assert.Equal((NodeOutcome.Failed, 3), (failed.Outcome, failed.Attempts.Count));
        Assert.Equal("RetriedOrAbort", run.AbortedBy);
        Assert.Equal(NodeOutcome.NotExecuted, after.Outcome);
        Assert.Empty(after.Attempts);
    }

    [Fact]
    public async Task NodeWithoutResilience_MakesOneAttempt_DescribedFromItsResult()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("once", 503);
        var history = new InMemoryHistorySink();
        using var runtime = RuntimeFor(server, time, history);

        var result = await new PlainGet { Name = "once" }.SendAsync(runtime, TestRuntime.Token);

        NodeAttempt attempt = Assert.Single(result.Attempts);
        Assert.Equal((1, 503, NodeErrorKind.Status, result.StartedAt), (attempt.Number, attempt.StatusCode, attempt.ErrorKind, attempt.StartedAt));
        Assert.Equal(1, Assert.Single(history.Records).Attempts);
    }

    [Fact]
    public async Task AConnectionDroppedBeforeAnyAnswer_IsRetried()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("dropped", new ScriptedAnswer(0, Drop: true), 200);
        using var runtime = RuntimeFor(server, time);

        var result = await new RetriedGet { Name = "dropped" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(2, result.Attempts.Count);
        Assert.Null(result.Attempts[0].StatusCode);
        Assert.Contains(result.Attempts[0].ErrorKind, new NodeErrorKind?[] { NodeErrorKind.Protocol, NodeErrorKind.Connection });
    }

    [Fact]
    public async Task ARedirectLoop_IsNotRetried()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("loop", new ScriptedAnswer(302, Location: "/s/loop"));
        using var runtime = RuntimeFor(server, time);

        var result = await new RetriedFollowingRedirects { Name = "loop" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeErrorKind.Protocol, "302"), (result.Error!.Kind, result.Error.Code));
        Assert.Contains("redirected more than 2 times", result.Error.Message);
        Assert.Single(result.Attempts);
        Assert.Equal(3, server.RequestsFor("loop").Count);
    }
}
