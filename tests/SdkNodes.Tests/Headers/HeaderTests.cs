using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Headers;

public sealed class HeaderTests
{
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
        app.MapGet("/headers", (HttpContext context) =>
        {
            context.Response.Headers["X-Echo-Trace"] = context.Request.Headers["X-Trace-Id"].ToString();
            return Results.Json(new { ok = true });
        }));

    [Fact]
    public async Task StaticAndDynamicHeaders_ArriveAtTheServer()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new SendHeaders { TraceId = "trace-42", Signature = "sig-1" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        var request = server.SingleRequest;
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("sdk-nodes-tests", request.Header("X-Client"));
        Assert.Equal("trace-42", request.Header("X-Trace-Id"));
        Assert.Equal("sig-1", request.Header("X-Signature"));
        Assert.Equal("trace-42", result.Headers["x-echo-trace"]);
    }

    [Fact]
    public async Task NullDynamicHeader_IsNotSent()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new SendHeaders { TraceId = null, Signature = "sig-2" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        var request = server.SingleRequest;
        Assert.False(request.Headers.ContainsKey("X-Trace-Id"));
        Assert.Equal("sig-2", request.Header("X-Signature"));
        Assert.Equal("sdk-nodes-tests", request.Header("X-Client"));
    }

    [Fact]
    public async Task EmptyDynamicHeader_IsSentEmpty()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new SendHeaders { TraceId = string.Empty }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(string.Empty, server.SingleRequest.Header("X-Trace-Id"));
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\nX-Injected: 1")]
    [InlineData("a\rb")]
    [InlineData("a\0b")]
    public async Task HeaderValueWithLineBreakOrNul_FailsWithInvalidInputNamingTheHeader_AndSendsNothing(string value)
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, history);

        var result = await new SendHeaders { TraceId = value }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Null(result.StatusCode);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.InvalidInput, error.Kind);
        Assert.Contains("X-Trace-Id", error.Message);
        Assert.Empty(server.Requests);
        Assert.Equal(NodeErrorKind.InvalidInput, Assert.Single(history.Records).ErrorKind);
    }
}
