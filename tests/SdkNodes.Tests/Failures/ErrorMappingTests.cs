using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Failures;

public sealed class ErrorMappingTests
{
    private static Task<LoopbackServer> StartStatusServerAsync() => LoopbackServer.StartAsync(app =>
        app.MapGet("/status/{code:int}", (int code) => Results.Text($"status {code}", "text/plain", statusCode: code)));

    [Fact]
    public async Task MappedStatus_404_GivesTheMappedMessage()
    {
        await using var server = await StartStatusServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new GetStatusWithMessages { Code = 404 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal(new NodeError(NodeErrorKind.Status, "404", "No such thing in the warehouse"), result.Error);
        Assert.Equal("status 404", result.RawBody);
    }

    [Fact]
    public async Task UnmappedStatus_500_GivesAReadableDefaultMessageNamingTheCode()
    {
        await using var server = await StartStatusServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new GetStatusWithMessages { Code = 500 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Status, error.Kind);
        Assert.Equal("500", error.Code);
        Assert.Contains("500", error.Message);
        Assert.Contains("Internal Server Error", error.Message);
    }

    [Fact]
    public async Task MappedStatus_OtherCode_IsNotGivenTheMappedMessage()
    {
        await using var server = await StartStatusServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new GetStatusWithMessages { Code = 403 }.SendAsync(runtime, TestRuntime.Token);

        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal("403", error.Code);
        Assert.DoesNotContain("warehouse", error.Message);
        Assert.Contains("403", error.Message);
    }
}
