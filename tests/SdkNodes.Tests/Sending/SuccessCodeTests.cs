using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Sending;

public sealed class SuccessCodeTests
{
    // GET /status/{code} answers with that status code and, except for 204, a small JSON body.
    private static Task<LoopbackServer> StartStatusServerAsync() => LoopbackServer.StartAsync(app =>
        app.MapGet("/status/{code:int}", (int code) =>
            code == 204 ? Results.NoContent() : Results.Json(new { answered = code }, statusCode: code)));

    [Fact]
    public async Task DefaultSuccessCodes_204WithUntypedNode_SucceedsWithNoBody()
    {
        await using var server = await StartStatusServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new GetStatus { Code = 204 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(204, result.StatusCode);
        Assert.Null(result.Body);
        Assert.Equal(string.Empty, result.RawBody);
        Assert.Null(result.Error);
        Assert.Equal("/status/204", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task DefaultSuccessCodes_202_Succeeds()
    {
        await using var server = await StartStatusServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new GetStatus { Code = 202 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(202, result.StatusCode);
        Assert.Equal(202, result.Body?.GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task DefaultSuccessCodes_409_FailsWithStatusKind()
    {
        await using var server = await StartStatusServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new GetStatus { Code = 409 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(409, result.StatusCode);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Status, error.Kind);
        Assert.Equal("409", error.Code);
    }

    [Fact]
    public async Task ExplicitSuccessCodes_200_FailsWithStatusKindAndCode200()
    {
        await using var server = await StartStatusServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new GetStatusExpectingCreated { Code = 200 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.False(result.IsSuccess);
        Assert.Equal(200, result.StatusCode);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Status, error.Kind);
        Assert.Equal("200", error.Code);
        Assert.Contains("200", error.Message);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task ExplicitSuccessCodes_201_Succeeds()
    {
        await using var server = await StartStatusServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new GetStatusExpectingCreated { Code = 201 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(201, result.StatusCode);
    }
}
