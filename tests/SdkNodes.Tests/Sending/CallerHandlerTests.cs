using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Sending;

public sealed class CallerHandlerTests
{
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/items/{id}", (string id) => Results.Json(new { id }));
        app.MapMethods("/things/{id}", ["DELETE"], () => Results.NoContent());
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
    });

    [Fact]
    public async Task CallerHandler_IsUsedForEveryRequest()
    {
        await using var server = await StartServerAsync();
        using var handler = new CountingHandler();
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress }, handler);

        var item = await new GetItem { Id = "1" }.SendAsync(runtime, TestRuntime.Token);
        var deleted = await new DeleteThing { Id = "2" }.SendAsync(runtime, TestRuntime.Token);
        var failed = await new GetStatus { Code = 503 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, item.Outcome);
        Assert.Equal(NodeOutcome.Succeeded, deleted.Outcome);
        Assert.Equal(503, failed.StatusCode);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(
            [
                new Uri(server.BaseAddress, "items/1").AbsoluteUri,
                new Uri(server.BaseAddress, "things/2").AbsoluteUri,
                new Uri(server.BaseAddress, "status/503").AbsoluteUri,
            ],
            handler.Uris);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task CallerHandler_IsNotDisposedByTheRuntime()
    {
        await using var server = await StartServerAsync();
        using var handler = new CountingHandler();
        var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress }, handler);
        var result = await new GetItem { Id = "before" }.SendAsync(runtime, TestRuntime.Token);
        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);

        runtime.Dispose();

        Assert.False(handler.IsDisposed);
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "items/after"));
        using var response = await invoker.SendAsync(request, TestRuntime.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, handler.Calls);

        // And a new runtime can use the same handler.
        using var again = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress }, handler);
        var third = await new GetItem { Id = "third" }.SendAsync(again, TestRuntime.Token);
        Assert.Equal(NodeOutcome.Succeeded, third.Outcome);
        Assert.Equal(3, handler.Calls);
    }
}
