using Microsoft.Extensions.Time.Testing;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Resilience;

/// <summary>[RateLimit]: calls wait for a permit within their timeout; one limiter per key for the whole runtime.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task TenCalls_UnderTwoPerSecond_SpreadOverAtLeastFourSeconds()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("limited", 200);
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time });
        DateTimeOffset start = time.GetUtcNow();

        Task<NodeResult<string>>[] calls = [.. Enumerable.Range(0, 10).Select(_ => new Limited { Name = "limited" }.SendAsync(runtime, TestRuntime.Token))];
        for (int second = 1; second <= 4; second++)
        {
            await server.WaitForRequestsAsync("limited", 2 * second);
            await Task.Delay(50, TestRuntime.Token);
            Assert.Equal(2 * second, server.RequestsFor("limited").Count);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        NodeResult<string>[] results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(NodeOutcome.Succeeded, r.Outcome));
        IReadOnlyList<DateTimeOffset> arrivals = server.ArrivalsFor("limited");
        Assert.Equal(10, arrivals.Count);
        Assert.True(arrivals.Max() - arrivals.Min() >= TimeSpan.FromSeconds(4), $"spread {arrivals.Max() - arrivals.Min()}");
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 4, 4], arrivals.Select(a => (int)(a - start).TotalSeconds).Order());
    }

    [Fact]
    public async Task NoPermitWithinTheTimeout_FailsAsRateLimited_AndSendsNothing()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("scarce", 200);
        var history = new InMemoryHistorySink();
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time, HistorySinks = { history } });

        var first = await new LimitedWithShortTimeout { Name = "scarce" }.SendAsync(runtime, TestRuntime.Token);
        var waiting = new LimitedWithShortTimeout { Name = "scarce" }.SendAsync(runtime, TestRuntime.Token);
        await Task.Delay(100, TestRuntime.Token);
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await waiting;

        Assert.Equal(NodeOutcome.Succeeded, first.Outcome);
        Assert.Equal((NodeOutcome.Failed, NodeErrorKind.RateLimited), (second.Outcome, second.Error!.Kind));
        Assert.Contains("within its timeout of 1 s", second.Error.Message);
        Assert.Single(server.RequestsFor("scarce"));
        Assert.Equal(NodeErrorKind.RateLimited, history.Records[^1].ErrorKind);
    }

    [Fact]
    public async Task AFullQueue_FailsAtOnceAsRateLimited()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("no-queue", 200);
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time });

        await new LimitedWithoutQueue { Name = "no-queue" }.SendAsync(runtime, TestRuntime.Token);
        var refused = await new LimitedWithoutQueue { Name = "no-queue" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.RateLimited, refused.Error!.Kind);
        Assert.Contains("QueueLimit", refused.Error.Message);
        Assert.Single(server.RequestsFor("no-queue"));
    }

    [Fact]
    public async Task ConcurrentRuns_ShareOneLimiterPerKey()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("shared", 200);
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time });
        WorkflowRun[] runs = [runtime.StartRun("one"), runtime.StartRun("two"), runtime.StartRun("three")];

        Task<NodeResult<string>>[] calls = [.. runs.Select(run => run.SendAsync(new Limited { Name = "shared" }, TestRuntime.Token))];
        await server.WaitForRequestsAsync("shared", 2);
        await Task.Delay(100, TestRuntime.Token);
        Assert.Equal(2, server.RequestsFor("shared").Count);
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls);

        Assert.Equal(3, server.RequestsFor("shared").Count);
        foreach (WorkflowRun run in runs)
        {
            await run.DisposeAsync();
        }
    }
}
