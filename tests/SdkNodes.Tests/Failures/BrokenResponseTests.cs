using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Failures;

public sealed class BrokenResponseTests
{
    [Fact]
    public async Task ConnectionLostMidBody_FailsWithProtocolKind()
    {
        // The server cuts the connection only once the client has the headers, so the loss
        // happens while the body is read (a reset before the headers is a Connection failure).
        using var handler = new HeadersReceivedHandler();
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/items/{id}", async (HttpContext context) =>
            {
                context.Response.ContentLength = 100;
                await context.Response.WriteAsync("{\"partial\":");
                await context.Response.Body.FlushAsync();
                await handler.HeadersReceived.WaitAsync(TimeSpan.FromSeconds(10));
                context.Abort();
            }));
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress }, handler);

        var result = await new GetItem { Id = "cut" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Protocol, error.Kind);
        Assert.Contains("127.0.0.1", error.Message);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.RawBody);
    }

    [Fact]
    public async Task Timeout_WhileTheBodyIsStillArriving_TimesOut()
    {
        // The timeout covers the whole body, not only the headers.
        var time = new FakeTimeProvider();
        using var handler = new HeadersReceivedHandler();
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/slow", async (HttpContext context) =>
            {
                await context.Response.WriteAsync("{\"ok\":");
                await context.Response.Body.FlushAsync();
                await Task.Delay(HeldResponse.MaxHold, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }));
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time }, handler);

        var sending = new SlowDefault().SendAsync(runtime, TestRuntime.Token);
        await handler.HeadersReceived.WaitAsync(TimeSpan.FromSeconds(10), TestRuntime.Token);
        time.Advance(TimeSpan.FromSeconds(11));
        var result = await sending;

        Assert.Equal(NodeOutcome.TimedOut, result.Outcome);
        Assert.Equal(NodeErrorKind.Timeout, result.Error?.Kind);
        Assert.Equal(200, result.StatusCode);
    }
}
