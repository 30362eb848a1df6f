using Microsoft.Extensions.Time.Testing;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Resilience;

/// <summary>[IdempotencyKey]: one key per execution, on every attempt; derived from the run, so a run executed again sends the same keys.</summary>
public sealed class IdempotencyKeyTests
{
    private static NodeRuntime RuntimeFor(ScriptedServer server, FakeTimeProvider time, InMemoryHistorySink? history = null)
    {
        var options = new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time };
        if (history is not null)
        {
            options.HistorySinks.Add(history);
        }

        return new NodeRuntime(options);
    }

    [Fact]
    public async Task PostWithKey_IsRetried_WithTheSameKeyOnEveryAttempt()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("pay", 503, 503, 200);
        var history = new InMemoryHistorySink();
        using var runtime = RuntimeFor(server, time, history);

        var result = await new RetriedPostWithKey { Name = "pay" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Succeeded, 3), (result.Outcome, result.Attempts.Count));
        string?[] keys = [.. server.RequestsFor("pay").Select(r => r.Header("Idempotency-Key"))];
        Assert.Equal(3, keys.Length);
        Assert.NotNull(keys[0]);
        Assert.Matches("^[0-9a-f]{32}$", keys[0]);
        Assert.All(keys, key => Assert.Equal(keys[0], key));
        Assert.Contains(Assert.Single(history.Records).RequestHeaders, h => h.Key == "Idempotency-Key" && h.Value == keys[0]);
    }

    [Fact]
    public async Task TwoExecutionsAlone_SendDifferentKeys()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("alone", 200);
        using var runtime = RuntimeFor(server, time);

        await new RetriedPostWithKey { Name = "alone" }.SendAsync(runtime, TestRuntime.Token);
        await new RetriedPostWithKey { Name = "alone" }.SendAsync(runtime, TestRuntime.Token);

        var keys = server.RequestsFor("alone").Select(r => r.Header("Idempotency-Key")).ToArray();
        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public async Task TheSameRunExecutedAgain_SendsTheSameKeys_NodeByNode()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("first", 503, 200, 200);
        server.Script("second", 200);

        async Task<string?[]> RunAsync(string runId)
        {
            // A fresh runtime, as on another worker that recovered the run.
            using var runtime = RuntimeFor(server, time);
            await using WorkflowRun run = runtime.StartRun("checkout", runId);
            Assert.Equal(runId, run.Id);
            await run.SendAsync(new RetriedPostWithKey { Name = "first" }, TestRuntime.Token);
            await run.SendAsync(new RetriedPatchWithOwnHeader { Name = "second" }, TestRuntime.Token);
            return [server.RequestsFor("first")[^1].Header("Idempotency-Key"), server.RequestsFor("second")[^1].Header("X-Request-Key")];
        }

        string?[] once = await RunAsync("run-7f3a");
        string?[] again = await RunAsync("run-7f3a");
        string?[] other = await RunAsync("run-0001");

        Assert.Equal(4, server.RequestsFor("first").Count); // 503 and 200 in the first run, 200 in each later one
        Assert.Equal(server.RequestsFor("first")[0].Header("Idempotency-Key"), server.RequestsFor("first")[1].Header("Idempotency-Key"));
        Assert.Equal(once, again);
        Assert.NotEqual(once[0], once[1]);
        Assert.NotEqual(once[0], other[0]);
        Assert.NotEqual(once[1], other[1]);
        Assert.All(once, key => Assert.Matches("^[0-9a-f]{32}$", key));
    }

    [Fact]
    public async Task TheSameNodeTwiceInARun_GetsTwoKeys_ByPosition()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("twice", 200);
        using var runtime = RuntimeFor(server, time);
        await using WorkflowRun run = runtime.StartRun("twice", "run-twice");

        await run.SendAsync(new RetriedPostWithKey { Name = "twice" }, TestRuntime.Token);
        await run.SendAsync(new RetriedPostWithKey { Name = "twice" }, TestRuntime.Token);

        var keys = server.RequestsFor("twice").Select(r => r.Header("Idempotency-Key")).ToArray();
        Assert.NotEqual(keys[0], keys[1]);
    }
}
