using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Failures;

public sealed class DeserializationTests
{
    private static Task<LoopbackServer> StartIpServerAsync(string body) => LoopbackServer.StartAsync(app =>
        app.MapGet("/ip", () => Results.Text(body, "application/json")));

    [Fact]
    public async Task WrongJsonType_FailsWithDeserialization_NamingTheTypeAndPath()
    {
        await using var server = await StartIpServerAsync("""{"city": 12}""");
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Deserialization, error.Kind);
        Assert.Contains("IpInfo", error.Message);
        Assert.Contains("$.city", error.Message);
        Assert.Null(result.Body);
        Assert.Equal("""{"city": 12}""", result.RawBody);
    }

    [Fact]
    public async Task InvalidJson_FailsWithDeserialization()
    {
        await using var server = await StartIpServerAsync("""{"city": "Munich", """);
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Deserialization, error.Kind);
        Assert.Contains("IpInfo", error.Message);
    }

    [Fact]
    public async Task EmptyBody_NonNullableResponseType_FailsWithDeserialization()
    {
        await using var server = await StartIpServerAsync(string.Empty);
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Deserialization, error.Kind);
        Assert.Contains("empty", error.Message);
        Assert.Contains("IpInfo", error.Message);
    }

    [Fact]
    public async Task EmptyBody_NullableResponseType_SucceedsWithNullBody()
    {
        await using var server = await StartIpServerAsync(string.Empty);
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIpOrNothing { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Null(result.Error);
        Assert.Null(result.Body);
        Assert.Equal(string.Empty, result.RawBody);
    }

    [Fact]
    public async Task NullableResponseType_WithABody_ReadsIt()
    {
        await using var server = await StartIpServerAsync("""{"province":"Bavaria","city":"Munich","isp":"M-net"}""");
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIpOrNothing { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(new IpInfo("Bavaria", "Munich", "M-net"), result.Body);
    }
}
