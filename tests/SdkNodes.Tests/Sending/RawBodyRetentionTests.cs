using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Sending;

/// <summary>
/// When NodeResult.RawBody keeps the body as text: by default only when the body was not read
/// into Body (a typed success would otherwise pay a copy of every body nobody reads).
/// </summary>
public sealed class RawBodyRetentionTests
{
    private const string IpJson = """{"province":"Bayern","city":"Fürth","isp":"Müller Net"}""";

    [Fact]
    public async Task Default_TypedSuccess_ReadsBodyAndKeepsNoText()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/ip", () => Results.Text(IpJson, "application/json")));
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(new IpInfo("Bayern", "Fürth", "Müller Net"), result.Body);
        Assert.Null(result.RawBody);
    }

    [Fact]
    public async Task Always_TypedSuccess_KeepsTheTextAsSent()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/ip", () => Results.Text(IpJson, "application/json")));
        using var runtime = TestRuntime.For(server, configure: o => o.RawBodyRetention = RawBodyRetention.Always);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal("Fürth", result.Body?.City);
        Assert.Equal(IpJson, result.RawBody);
    }

    [Fact]
    public async Task Default_StatusFailure_KeepsTheText()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/ip", () => Results.Text("<html>upstream down</html>", "text/html", statusCode: 502)));
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Status, result.Error?.Kind);
        Assert.Equal("<html>upstream down</html>", result.RawBody);
    }

    [Fact]
    public async Task Default_BodyOfTheWrongShape_KeepsTheText()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/ip", () => Results.Text("""{"province":42}""", "application/json")));
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Deserialization, result.Error?.Kind);
        Assert.Equal("""{"province":42}""", result.RawBody);
    }

    [Fact]
    public async Task Default_StringNode_RawBodyIsTheBodyItself()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/motd", () => Results.Text("Grüße aus Fürth", "text/plain")));
        using var runtime = TestRuntime.For(server);

        var result = await new GetMessageOfTheDay().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal("Grüße aus Fürth", result.Body);
        Assert.Same(result.Body, result.RawBody);
    }

    [Fact]
    public async Task Default_NodeTester_ShowsTheBodyOfASuccess()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/ip", () => Results.Text(IpJson, "application/json")));
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = null });

        TestReport report = await tester.TestAsync(LookupIp.Descriptor, new Dictionary<string, string?> { ["Ip"] = "8.8.8.8" }, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, report.Outcome);
        Assert.Contains("\"city\": \"Fürth\"", report.Body);
    }
}

/// <summary>A node whose body is plain text.</summary>
[ApiRequest("GET", "/motd")]
public sealed partial class GetMessageOfTheDay : IApiNode<string>
{
}
