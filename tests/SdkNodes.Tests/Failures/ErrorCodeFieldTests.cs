using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Failures;

public sealed class ErrorCodeFieldTests
{
    // GET /ip answers 200 with exactly the JSON the test gives.
    private static Task<LoopbackServer> StartIpServerAsync(string json) => LoopbackServer.StartAsync(app =>
        app.MapGet("/ip", () => Results.Text(json, "application/json")));

    [Fact]
    public async Task BodyErrorCode_OtherThanSuccess_FailsWithCodeAndReason()
    {
        await using var server = await StartIpServerAsync("""{"error_code":10001,"reason":"bad key"}""");
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(new NodeError(NodeErrorKind.ErrorCode, "10001", "bad key"), result.Error);
        Assert.Null(result.Body);
        Assert.Equal("""{"error_code":10001,"reason":"bad key"}""", result.RawBody);
    }

    [Fact]
    public async Task BodyErrorCode_EqualToSuccess_Succeeds()
    {
        await using var server = await StartIpServerAsync("""{"error_code":0,"reason":"ok","province":"Bavaria","city":"Munich","isp":"M-net"}""");
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIp { Ip = "1.2.3.4" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Null(result.Error);
        Assert.Equal(new IpInfo("Bavaria", "Munich", "M-net"), result.Body);
    }

    [Fact]
    public async Task BodyErrorCode_MappedWithErrorMessage_OverridesTheBodyReason()
    {
        await using var server = await StartIpServerAsync("""{"error_code":10001,"reason":"bad key"}""");
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIpWithMappedCodes { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(new NodeError(NodeErrorKind.ErrorCode, "10001", "Mapped text"), result.Error);
    }

    [Fact]
    public async Task BodyErrorCode_UnmappedOnANodeWithMappings_KeepsTheBodyReason()
    {
        await using var server = await StartIpServerAsync("""{"error_code":"10002","reason":"no record"}""");
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIpWithMappedCodes { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(new NodeError(NodeErrorKind.ErrorCode, "10002", "no record"), result.Error);
    }
}
