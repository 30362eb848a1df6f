using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Sending;

public sealed class MethodTests
{
    private const string JsonUtf8 = "application/json; charset=utf-8";

    private static readonly Thing Widget = new("widget", 3);

    // Every route answers with the method it saw, so a wrong method cannot pass by accident.
    private static Task<LoopbackServer> StartThingsServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapMethods("/things", ["POST"], (Thing thing) => Results.Json(thing with { Name = "created " + thing.Name }, statusCode: 201));
        app.MapMethods("/things/{id}", ["GET", "PUT", "PATCH", "DELETE"], (HttpContext context, string id) =>
            Results.Json(new Thing($"{context.Request.Method} {id}", 1)));
        app.MapMethods("/things/{id}", ["HEAD"], (HttpContext context) =>
        {
            context.Response.Headers["X-Thing-Version"] = "7";
            return Results.Ok();
        });
    });

    [Fact]
    public async Task Get_ServerSeesGet_AndTheTypedBodyIsRead()
    {
        await using var server = await StartThingsServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new GetThing { Id = "t1" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(new Thing("GET t1", 1), result.Body);
        var request = server.SingleRequest;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/things/t1", request.RawTarget);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task Post_SendsTheBodyAsUtf8Json()
    {
        await using var server = await StartThingsServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PostThing { Thing = Widget }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(201, result.StatusCode);
        Assert.Equal(new Thing("created widget", 3), result.Body);
        var request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/things", request.RawTarget);
        Assert.Equal(JsonUtf8, request.Header("Content-Type"));
        Assert.Equal("""{"name":"widget","count":3}""", request.Body);
    }

    [Fact]
    public async Task Put_SendsTheBodyAsUtf8Json()
    {
        await using var server = await StartThingsServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PutThing { Id = "t2", Thing = Widget }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(new Thing("PUT t2", 1), result.Body);
        var request = server.SingleRequest;
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/things/t2", request.RawTarget);
        Assert.Equal(JsonUtf8, request.Header("Content-Type"));
        Assert.Equal("""{"name":"widget","count":3}""", request.Body);
    }

    [Fact]
    public async Task Patch_SendsTheBodyAsUtf8Json()
    {
        await using var server = await StartThingsServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PatchThing { Id = "t3", Thing = Widget with { Count = 4 } }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(new Thing("PATCH t3", 1), result.Body);
        var request = server.SingleRequest;
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(JsonUtf8, request.Header("Content-Type"));
        Assert.Equal("""{"name":"widget","count":4}""", request.Body);
    }

    [Fact]
    public async Task Delete_ServerSeesDelete_WithoutABody()
    {
        await using var server = await StartThingsServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new DeleteThing { Id = "t4" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("DELETE t4", result.Body?.GetProperty("name").GetString());
        var request = server.SingleRequest;
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/things/t4", request.RawTarget);
        Assert.Null(request.Header("Content-Type"));
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task Head_HasHeaders_ButNoRawBodyAndNoBody()
    {
        await using var server = await StartThingsServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new HeadThing { Id = "t5" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.RawBody);
        Assert.Null(result.Body);
        Assert.Equal("7", result.Headers["x-thing-version"]);
        var request = server.SingleRequest;
        Assert.Equal("HEAD", request.Method);
        Assert.Equal("/things/t5", request.RawTarget);
    }
}
