using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.History;

public sealed class HistoryTests
{
    [Fact]
    public async Task History_EachExecution_WritesExactlyOneRecordToEverySink()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/status/{code:int}", (int code) => Results.Text("x", statusCode: code)));
        var first = new InMemoryHistorySink();
        var second = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, first, configure: o => o.HistorySinks.Add(second));

        await new GetStatus { Code = 200 }.SendAsync(runtime, TestRuntime.Token);
        await new GetStatusWithMessages { Code = 404 }.SendAsync(runtime, TestRuntime.Token);
        int closedPort = ClosedPort.Find();
        await new PingPort { Port = closedPort }.SendAsync(runtime, TestRuntime.Token);

        foreach (var sink in new[] { first, second })
        {
            Assert.Collection(
                sink.Records,
                ok =>
                {
                    Assert.Equal("GetStatus", ok.NodeName);
                    Assert.Equal("GET", ok.Method);
                    Assert.Equal(new Uri(server.BaseAddress, "status/200").AbsoluteUri, ok.Url);
                    Assert.Equal(200, ok.StatusCode);
                    Assert.Equal(NodeOutcome.Succeeded, ok.Outcome);
                    Assert.Null(ok.ErrorKind);
                    Assert.Null(ok.ErrorMessage);
                    Assert.Null(ok.RunId);
                },
                failed =>
                {
                    Assert.Equal("GetStatusWithMessages", failed.NodeName);
                    Assert.Equal(404, failed.StatusCode);
                    Assert.Equal(NodeOutcome.Failed, failed.Outcome);
                    Assert.Equal(NodeErrorKind.Status, failed.ErrorKind);
                    Assert.Equal("No such thing in the warehouse", failed.ErrorMessage);
                },
                refused =>
                {
                    Assert.Equal("PingPort", refused.NodeName);
                    Assert.Equal($"http://127.0.0.1:{closedPort}/ping", refused.Url);
                    Assert.Null(refused.StatusCode);
                    Assert.Equal(NodeOutcome.Failed, refused.Outcome);
                    Assert.Equal(NodeErrorKind.Connection, refused.ErrorKind);
                    Assert.False(string.IsNullOrWhiteSpace(refused.ErrorMessage));
                });
        }

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task History_RecordsStartAndElapsedFromTheRuntimeClock()
    {
        var startedAt = new DateTimeOffset(2024, 2, 29, 23, 59, 0, TimeSpan.FromHours(2));
        var time = new FakeTimeProvider(startedAt);
        var held = new HeldResponse();
        var history = new InMemoryHistorySink();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", held.Route));
        using var runtime = TestRuntime.For(server, history, time);

        var sending = new SlowDefault().SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(4.5));
        held.Release();
        var result = await sending;

        var record = Assert.Single(history.Records);
        Assert.Equal(startedAt, record.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(4.5), record.Elapsed);
        Assert.Equal(result.StartedAt, record.StartedAt);
        Assert.Equal(result.Elapsed, record.Elapsed);
    }

    [Fact]
    public async Task History_RequestNotSent_IsStillRecordedOnce()
    {
        var handler = new CountingHandler();
        var history = new InMemoryHistorySink();
        var options = new NodeRuntimeOptions { BaseAddress = new Uri("http://127.0.0.1:9/") };
        options.HistorySinks.Add(history);
        using (var runtime = new NodeRuntime(options, handler))
        {
            var result = await new SendHeaders { TraceId = "a\r\nX-Injected: 1" }.SendAsync(runtime, TestRuntime.Token);
            Assert.Equal(NodeErrorKind.InvalidInput, result.Error?.Kind);
        }

        var record = Assert.Single(history.Records);
        Assert.Equal(NodeOutcome.Failed, record.Outcome);
        Assert.Equal(NodeErrorKind.InvalidInput, record.ErrorKind);
        Assert.Null(record.StatusCode);
        Assert.Equal(0, handler.Calls);
        handler.Dispose();
    }
}
