using Microsoft.Extensions.Time.Testing;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Resilience;

/// <summary>[CircuitBreaker]: opens after the configured failures, then nothing reaches the server until the break is over.</summary>
public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task BreakerOpens_AfterTheConfiguredFailures_ThenNoRequestReachesTheServer()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("broken", 500);
        var history = new InMemoryHistorySink();
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time, HistorySinks = { history } });

        var first = await new Guarded { Name = "broken" }.SendAsync(runtime, TestRuntime.Token);
        var second = await new Guarded { Name = "broken" }.SendAsync(runtime, TestRuntime.Token);
        var refused = new List<NodeResult<string>>();
        for (int i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            refused.Add(await new Guarded { Name = "broken" }.SendAsync(runtime, TestRuntime.Token));
        }

        Assert.Equal(("500", "500"), (first.Error!.Code, second.Error!.Code));
        Assert.Equal(2, server.RequestsFor("broken").Count);
        Assert.All(refused, r =>
        {
            Assert.Equal((NodeOutcome.Failed, NodeErrorKind.CircuitOpen), (r.Outcome, r.Error!.Kind));
            Assert.Null(r.StatusCode);
            Assert.Contains("nothing was sent", r.Error.Message);
        });
        Assert.Contains("again in 29 s", refused[0].Error!.Message);
        Assert.Contains("again in 25 s", refused[^1].Error!.Message);
        Assert.Equal(7, history.Records.Count);
        Assert.Equal(NodeErrorKind.CircuitOpen, history.Records[^1].ErrorKind);

        // After the break, one request is let through to see whether the server is back.
        server.Script("broken", 200);
        time.Advance(TimeSpan.FromSeconds(26));
        var probe = await new Guarded { Name = "broken" }.SendAsync(runtime, TestRuntime.Token);
        Assert.Equal(NodeOutcome.Succeeded, probe.Outcome);
        Assert.Equal(3, server.RequestsFor("broken").Count);
    }

    [Fact]
    public async Task NodesWithTheSameHost_ShareOneBreaker()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("a", 503);
        server.Script("b", 200);
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time });

        await new Guarded { Name = "a" }.SendAsync(runtime, TestRuntime.Token);
        await new Guarded { Name = "a" }.SendAsync(runtime, TestRuntime.Token);
        var other = await new GuardedToo { Name = "b" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.CircuitOpen, other.Error!.Kind);
        Assert.Empty(server.RequestsFor("b"));
    }

    [Fact]
    public async Task ClientSideFailures_DoNotOpenTheBreaker()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("missing", 404);
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time });

        for (int i = 0; i < 4; i++)
        {
            var result = await new Guarded { Name = "missing" }.SendAsync(runtime, TestRuntime.Token);
            Assert.Equal("404", result.Error!.Code);
        }

        Assert.Equal(4, server.RequestsFor("missing").Count);
    }
}
