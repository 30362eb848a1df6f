using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Uris;

public sealed class PathAndQueryTests
{
    [Fact]
    public async Task PathVariable_WithReservedAndNonAsciiCharacters_ArrivesAsOneEncodedSegment()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/items/{id}", (string id) => Results.Json(new { id })));
        using var runtime = TestRuntime.For(server);

        var result = await new GetItem { Id = "a/b?c#d%e f é" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        var request = server.SingleRequest;
        Assert.Equal("/items/a%2Fb%3Fc%23d%25e%20f%20%C3%A9", request.RawTarget);
        Assert.Equal(string.Empty, request.QueryString);

        // The whole value decodes back from the one segment it was sent in.
        Assert.Equal("a/b?c#d%e f é", Uri.UnescapeDataString(request.RawTarget["/items/".Length..]));

        // The route matched that one segment and sees the decoded value. Kestrel decodes
        // everything except %2F, which it keeps so that a value cannot split the path.
        string? routeValue = result.Body?.GetProperty("id").GetString();
        Assert.Equal("a%2Fb?c#d%e f é", routeValue);
    }

    [Fact]
    public async Task QueryVariables_BothDefined_AreEncodedInOrder()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/search", (string? a, string? b) => Results.Json(new { a, b })));
        using var runtime = TestRuntime.For(server);

        var result = await new Search { A = "1", B = "x y&z=é" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("/search?a=1&b=x%20y%26z%3D%C3%A9", server.SingleRequest.RawTarget);
        Assert.Equal("x y&z=é", result.Body!.Value.GetProperty("b").GetString());
    }

    [Fact]
    public async Task QueryVariables_NullValue_IsOmitted()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/search", (string? a, string? b) => Results.Json(new { a, b })));
        using var runtime = TestRuntime.For(server);

        var result = await new Search { A = "1", B = null }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        var request = server.SingleRequest;
        Assert.Equal("/search?a=1", request.RawTarget);
        Assert.Equal("?a=1", request.QueryString);
    }

    [Fact]
    public async Task QueryVariables_AllNull_LeaveNoQuery()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/search", () => Results.Json(new { })));
        using var runtime = TestRuntime.For(server);

        var result = await new Search().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("/search", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task UriParam_BindsVariablesWhoseNamesAreNotIdentifiers()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/orders/{orderId}/lines", (string orderId, HttpRequest request) =>
                Results.Json(new { orderId, line = request.Query["line.no"].ToString() })));
        using var runtime = TestRuntime.For(server);

        var result = await new GetOrderLine { OrderNumber = "A-17", LineNumber = 3 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("/orders/A-17/lines?line.no=3", server.SingleRequest.RawTarget);
        Assert.Equal("A-17", result.Body!.Value.GetProperty("orderId").GetString());
        Assert.Equal("3", result.Body!.Value.GetProperty("line").GetString());
    }

    [Fact]
    public async Task UriParam_NullValueType_IsOmitted()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/orders/{orderId}/lines", () => Results.Json(new { })));
        using var runtime = TestRuntime.For(server);

        var result = await new GetOrderLine { OrderNumber = "A-18" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("/orders/A-18/lines", server.SingleRequest.RawTarget);
    }
}
