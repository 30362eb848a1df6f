using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.TestApi;

/// <summary>
/// What the Test API adds for the studio: the request as sent (redacted like history), JSON
/// text for lists and maps, and one rule for which parameters are secrets.
/// </summary>
public sealed class TestReportRequestTests
{
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
        app.MapPost("/tested/{id}", (string id) => Results.Json(new { id })));

    [Fact]
    public async Task Report_ShowsTheRequestAsSent_WithSecretsRedacted()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = null });

        TestReport report = await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?>
        {
            ["Id"] = "42",
            ["Token"] = "Bearer marker-token-1234",
            ["ApiSecret"] = "marker-secret-5678",
        }, TestRuntime.Token);

        TestRequest request = report.Request!;
        Assert.Equal("POST", request.Method);
        Assert.Equal(new Uri(server.BaseAddress, "/tested/42?page=7").ToString(), request.Url);
        Assert.Contains(new KeyValuePair<string, string>("Authorization", "***"), request.Headers);
        Assert.Contains(new KeyValuePair<string, string>("X-Api-Secret", "***"), request.Headers);
        Assert.Equal("Bearer marker-token-1234", server.SingleRequest.Header("Authorization"));
        string json = JsonSerializer.Serialize(report);
        Assert.DoesNotContain("marker-token-1234", json);
        Assert.DoesNotContain("marker-secret-5678", json);
    }

    [Fact]
    public async Task Report_HasNoRequest_WhenAValueDidNotParse()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = null });

        TestReport report = await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?> { ["Id"] = "1", ["Page"] = "x" }, TestRuntime.Token);

        Assert.False(report.WasSent);
        Assert.Null(report.Request);
    }

    [Fact]
    public async Task ListsAndMaps_AlsoTakeJsonText_WhoseItemsMayHoldCommas()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = null });

        TestReport report = await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?>
        {
            ["Id"] = "1",
            ["Tags"] = """["a,b", "c"]""",
            ["Limits"] = """{"cpu": 2, "ram": "4"}""",
        }, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, report.Outcome);
        Assert.Equal("/tested/1?page=7&tags=a%2Cb,c&limits=cpu,2,ram,4", server.SingleRequest.RawTarget);
    }

    [Theory]
    [InlineData("Tags", """[{"x": 1}]""", "Parameter 'Tags' of Tested expects string[]?: strings, numbers or booleans in the JSON; '[{\"x\": 1}]' is not.")]
    [InlineData("Tags", """[1, 2""", "Parameter 'Tags' of Tested expects string[]?: a JSON array; '[1, 2' is not.")]
    [InlineData("Limits", """{"cpu": "many"}""", "Parameter 'Limits' of Tested expects Dictionary<string, int>?: a whole number; 'many' is not.")]
    public async Task JsonForAListOrMap_ThatDoesNotFit_IsRefusedNamingTheParameter(string name, string value, string message)
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = null });

        TestReport report = await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?> { ["Id"] = "1", [name] = value }, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.InvalidInput, report.Error!.Kind);
        Assert.Equal(message, report.Error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void IsSecret_CoversSecretPropertiesAndSensitiveHeaders_AndNothingElse()
    {
        using var runtime = new NodeRuntime(new NodeRuntimeOptions());
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = null });

        string[] secrets = [.. Tested.Descriptor.Parameters.Where(tester.IsSecret).Select(p => p.Name)];

        Assert.Equal(["Token", "ApiSecret"], secrets);
    }
}
