using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Failures;

public sealed class ConnectionTests
{
    [Fact]
    public async Task ConnectionRefused_FailsWithConnectionKind_AndAReadableMessage()
    {
        int port = ClosedPort.Find();
        var history = new InMemoryHistorySink();
        var options = new NodeRuntimeOptions();
        options.HistorySinks.Add(history);
        using var runtime = new NodeRuntime(options);

        var result = await new PingPort { Port = port }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Null(result.RawBody);
        Assert.Empty(result.Headers);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Connection, error.Kind);
        Assert.Null(error.Code);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("refused", error.Message);
        var record = Assert.Single(history.Records);
        Assert.Equal($"http://127.0.0.1:{port}/ping", record.Url);
        Assert.Equal(NodeErrorKind.Connection, record.ErrorKind);
    }

    [Fact]
    public async Task Runtime_AfterATimeoutAndARefusedConnection_StillSendsAGoodNode()
    {
        var time = new FakeTimeProvider();
        var held = new HeldResponse();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/slow", held.Route);
            app.MapGet("/items/{id}", (string id) => Results.Json(new { id }));
        });
        using var runtime = TestRuntime.For(server, time: time);

        var slow = new SlowDefault().SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(11));
        var timedOut = await slow;
        var refused = await new PingPort { Port = ClosedPort.Find() }.SendAsync(runtime, TestRuntime.Token);
        var good = await new GetItem { Id = "after" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.TimedOut, timedOut.Outcome);
        Assert.Equal(NodeErrorKind.Connection, refused.Error?.Kind);
        Assert.Equal(NodeOutcome.Succeeded, good.Outcome);
        Assert.Equal("after", good.Body?.GetProperty("id").GetString());
        Assert.Equal(["/slow", "/items/after"], server.Requests.Select(r => r.RawTarget));
    }
}
