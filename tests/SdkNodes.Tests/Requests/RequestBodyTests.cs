using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Requests;

/// <summary>A JSON request body goes out whole, with a Content-Length, and again after a 307.</summary>
public sealed class RequestBodyTests
{
    [Fact]
    public async Task JsonBody_IsSentWithAContentLength_NotChunked()
    {
        long? contentLength = null;
        string? transferEncoding = null;
        string? contentType = null;
        string? received = null;
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/things", async (HttpRequest request) =>
        {
            contentLength = request.ContentLength;
            transferEncoding = request.Headers.TransferEncoding;
            contentType = request.ContentType;
            received = await new StreamReader(request.Body).ReadToEndAsync();
            return Results.Text(received, "application/json");
        }));
        using var runtime = TestRuntime.For(server);

        var result = await new PostThing { Thing = new Thing("crate of pears", 3) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("""{"name":"crate of pears","count":3}""", received);
        Assert.Equal(Encoding.UTF8.GetByteCount(received!), contentLength);
        Assert.True(string.IsNullOrEmpty(transferEncoding), $"Transfer-Encoding: {transferEncoding}");
        Assert.Equal("application/json; charset=utf-8", contentType);
        Assert.Equal(new Thing("crate of pears", 3), result.Body);
    }

    [Fact]
    public async Task JsonBody_FollowingA307_IsSentAgainWhole()
    {
        var received = new List<string>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/moved/{step:int}", async (int step, HttpRequest request) =>
            {
                received.Add(await new StreamReader(request.Body).ReadToEndAsync());
                return step == 1 ? Results.Redirect("/moved/2", permanent: false, preserveMethod: true) : Results.Text(received[^1], "application/json");
            });
        });
        using var runtime = TestRuntime.For(server);

        var result = await new PostMovedThing { Step = 1, Thing = new Thing("parcel", 2) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(["""{"name":"parcel","count":2}""", """{"name":"parcel","count":2}"""], received);
        Assert.Equal(new Thing("parcel", 2), result.Body);
    }
}

/// <summary>POSTs a thing and follows a 307 that keeps the method and the body.</summary>
[ApiRequest("POST", "/moved/{step}")]
[FollowRedirects]
public sealed partial class PostMovedThing : IApiNode<Thing>
{
    public required int Step { get; init; }

    [Body]
    public required Thing Thing { get; init; }
}
