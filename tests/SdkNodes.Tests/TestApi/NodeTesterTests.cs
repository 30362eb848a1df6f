using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.TestApi;

/// <summary>The Test API: values from text, a report, remembered values, secrets kept out of the file.</summary>
public sealed class NodeTesterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sdknodes-tester-" + Guid.NewGuid().ToString("N"));

    private string ValuesPath => Path.Combine(_directory, "values", "test-values.json");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapPost("/tested/{id}", (HttpContext context) =>
        {
            context.Response.Headers["X-Trace"] = "t-1";
            return Results.Json(new { id = context.Request.RouteValues["id"], ok = true });
        });
        app.MapMethods("/tested/{id}", ["HEAD"], () => Results.Ok());
    });

    [Fact]
    public async Task Test_BuildsTheNodeFromText_AndReportsStatusSecondsPrettyBodyAndHeaders()
    {
        await using var server = await StartServerAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = ValuesPath });

        TestReport report = await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?>
        {
            ["id"] = "a b",
            ["Page"] = "3",
            ["tier"] = "pro",
            ["When"] = "2026-11-28",
            ["Tags"] = "x, y",
            ["Limits"] = "cpu=2,ram=4",
            ["Missing"] = null,
            ["Note"] = """{"text":"hi"}""",
        }, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, report.Outcome);
        Assert.Equal(200, report.StatusCode);
        Assert.Equal(Math.Round(report.Seconds, 2), report.Seconds);
        Assert.Equal("{\n  \"id\": \"a b\",\n  \"ok\": true\n}", report.Body!.Replace("\r\n", "\n"));
        Assert.Equal("t-1", report.Headers["x-trace"]);
        ReceivedRequest sent = server.SingleRequest;
        Assert.Equal("/tested/a%20b?page=3&tier=Pro&when=2026-11-28&tags=x,y&limits=cpu,2,ram,4", sent.RawTarget);
        Assert.Equal("""{"text":"hi"}""", sent.Body);
        Assert.Single(history.Records);
        NodeAttempt attempt = Assert.Single(report.Attempts);
        Assert.Equal((1, 200, (NodeErrorKind?)null), (attempt.Number, attempt.StatusCode, attempt.ErrorKind));
    }

    [Fact]
    public async Task Test_MissingValues_KeepTheirDefaults()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = null });

        await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?> { ["Id"] = "1" }, TestRuntime.Token);

        Assert.Equal("/tested/1?page=7", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task Test_AValueThatDoesNotParse_NamesTheParameterAndTheType_AndSendsNothing()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = ValuesPath });

        TestReport report = await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?> { ["Id"] = "1", ["Page"] = "seven" }, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, report.Outcome);
        Assert.Equal(NodeErrorKind.InvalidInput, report.Error!.Kind);
        Assert.Equal("Parameter 'Page' of Tested expects int: a whole number; 'seven' is not.", report.Error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Test_RemembersTheLastValues_WithoutSecrets_AndUsesThemNextTime()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = ValuesPath });

        await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?>
        {
            ["Id"] = "first",
            ["Page"] = "2",
            ["Token"] = "Bearer marker-token-1234",
            ["ApiSecret"] = "marker-secret-5678",
        }, TestRuntime.Token);
        await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?> { ["Id"] = "second" }, TestRuntime.Token);

        string file = await File.ReadAllTextAsync(ValuesPath, TestRuntime.Token);
        Assert.DoesNotContain("marker-token-1234", file);
        Assert.DoesNotContain("marker-secret-5678", file);
        var saved = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string?>>>(file)!;
        Assert.Equal(new Dictionary<string, string?> { ["Id"] = "second", ["Page"] = "2" }, saved[Tested.Descriptor.FullName]);
        Assert.Equal("/tested/second?page=2", server.Requests[1].RawTarget);
        Assert.Null(server.Requests[1].Header("Authorization"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(ValuesPath)!, "*.tmp"));
    }

    [Fact]
    public async Task Test_SecretsAreSaved_OnlyWhenTheCallerOptsIn()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = ValuesPath, SaveSecrets = true });

        await tester.TestAsync(Tested.Descriptor, new Dictionary<string, string?> { ["Id"] = "1", ["ApiSecret"] = "marker-secret-5678" }, TestRuntime.Token);

        Assert.Contains("marker-secret-5678", await File.ReadAllTextAsync(ValuesPath, TestRuntime.Token));
        var remembered = await tester.RememberedValuesAsync(Tested.Descriptor, TestRuntime.Token);
        Assert.Equal("marker-secret-5678", remembered["ApiSecret"]);
    }

    [Fact]
    public async Task Test_Head_ReportsNoBody()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = null });

        TestReport report = await tester.TestAsync(ProbeTested.Descriptor, new Dictionary<string, string?> { ["Id"] = "1" }, TestRuntime.Token);

        Assert.Equal(200, report.StatusCode);
        Assert.Null(report.Body);
    }

    [Fact]
    public async Task CommandLine_Test_PrintsTheReport_AndExitsWithTheOutcome()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var output = new StringWriter();

        int exit = await NodeCommandLine.RunAsync(["test", "Tested", "--set", "Id=42", "--set", "Page=1"], [Tested.Descriptor, ProbeTested.Descriptor], runtime, output, new NodeTesterOptions { ValuesPath = null }, TestRuntime.Token);

        Assert.Equal(0, exit);
        string text = output.ToString();
        Assert.Contains("Outcome: Succeeded   Status: 200", text);
        Assert.Matches(@"Outcome: .*\r?\nAttempts: \d+\r?\n", text);
        Assert.Contains("X-Trace: t-1", text);
        Assert.Contains("\"id\": \"42\"", text);
    }

    [Fact]
    public async Task CommandLine_Json_PrintsTheReportAsJson()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var output = new StringWriter();

        int exit = await NodeCommandLine.RunAsync(["test", "Tested", "--set", "Id=7", "--json"], [Tested.Descriptor], runtime, output, new NodeTesterOptions { ValuesPath = null }, TestRuntime.Token);

        Assert.Equal(0, exit);
        using JsonDocument report = JsonDocument.Parse(output.ToString());
        Assert.Equal("Succeeded", report.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(200, report.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Contains("\"id\": \"7\"", report.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public void Report_CarriesTheResultsAttempts_InOrder()
    {
        var result = new NodeResult<JsonElement?>("Tested", At(0)) { StatusCode = 200, Outcome = NodeOutcome.Succeeded };
        result.SetAttempts(ThreeAttempts());

        TestReport report = NodeTester.Report(result, new Dictionary<string, string?> { ["Id"] = "1" });

        Assert.Equal(result.Attempts, report.Attempts);
        Assert.Equal([1, 2, 3], report.Attempts.Select(a => a.Number));
    }

    [Fact]
    public async Task CommandLine_Report_ListsEachAttempt_WithItsDelayStatusKindAndMessage_WhenThereWereRetries()
    {
        var output = new StringWriter();

        await NodeCommandLine.WriteReportAsync(Tested.Descriptor, Report(ThreeAttempts()), output);

        string[] lines = output.ToString().Split(Environment.NewLine);
        int outcome = Array.FindIndex(lines, l => l.StartsWith("Outcome: ", StringComparison.Ordinal));
        Assert.Equal(
            [
                "Outcome: Succeeded   Status: 200   Seconds: 1.45",
                "Attempts: 3",
                "  #1  after 0.00 s  503  Status  The server answered 503 (Service Unavailable).",
                "  #2  after 0.40 s  -  Connection  The connection was refused.",
                "  #3  after 0.85 s  200  OK",
            ],
            lines[outcome..(outcome + 5)]);
    }

    [Fact]
    public async Task CommandLine_Report_CountsASingleAttempt_WithoutListingIt()
    {
        var output = new StringWriter();

        await NodeCommandLine.WriteReportAsync(Tested.Descriptor, Report([ThreeAttempts()[2] with { Number = 1, Delay = TimeSpan.Zero }]), output);

        string text = output.ToString();
        Assert.Contains($"Seconds: 1.45{Environment.NewLine}Attempts: 1{Environment.NewLine}", text);
        Assert.DoesNotContain("#1", text);
    }

    [Fact]
    public void CommandLine_JsonReport_IncludesTheAttempts_InCamelCase()
    {
        string json = JsonSerializer.Serialize(Report(ThreeAttempts()), CommandLineJson.Default.TestReport);

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement[] attempts = [.. document.RootElement.GetProperty("attempts").EnumerateArray()];
        Assert.Equal(3, attempts.Length);
        Assert.Equal(1, attempts[0].GetProperty("number").GetInt32());
        Assert.Equal(503, attempts[0].GetProperty("statusCode").GetInt32());
        Assert.Equal("Status", attempts[0].GetProperty("errorKind").GetString());
        Assert.Equal("The server answered 503 (Service Unavailable).", attempts[0].GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, attempts[1].GetProperty("statusCode").ValueKind);
        Assert.Equal(TimeSpan.FromSeconds(0.4), TimeSpan.Parse(attempts[1].GetProperty("delay").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.Null, attempts[2].GetProperty("errorKind").ValueKind);
    }

    [Fact]
    public async Task CommandLine_List_ShowsParameters_AndUnknownNodesAreUsageErrors()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var output = new StringWriter();

        Assert.Equal(0, await NodeCommandLine.RunAsync(["list"], [Tested.Descriptor], runtime, output, cancellationToken: TestRuntime.Token));
        Assert.Contains("    ApiSecret: string? secret", output.ToString());
        Assert.Equal(2, await NodeCommandLine.RunAsync(["test", "Nope"], [Tested.Descriptor], runtime, output, cancellationToken: TestRuntime.Token));
        Assert.Contains("No node named 'Nope'", output.ToString());
        Assert.Equal(2, await NodeCommandLine.RunAsync(["test", "Tested", "--set", "Pgae=1"], [Tested.Descriptor], runtime, output, cancellationToken: TestRuntime.Token));
        Assert.Contains("Tested has no parameter 'Pgae'", output.ToString());
        Assert.Equal(2, await NodeCommandLine.RunAsync(["test", "Tested", "--set", "Page=x"], [Tested.Descriptor], runtime, output, new NodeTesterOptions { ValuesPath = null }, TestRuntime.Token));
        Assert.Contains("Parameter 'Page' of Tested expects int", output.ToString());
        Assert.Empty(server.Requests);
    }

    private static DateTimeOffset At(double seconds) => new DateTimeOffset(2026, 11, 28, 2, 30, 40, TimeSpan.Zero).AddSeconds(seconds);

    // Two failures, then success: what a node with [Retry(2)] reports after a 503 and a refused connection.
    private static NodeAttempt[] ThreeAttempts() =>
    [
        new() { Number = 1, StartedAt = At(0), Elapsed = TimeSpan.FromSeconds(0.05), StatusCode = 503, ErrorKind = NodeErrorKind.Status, Message = "The server answered 503 (Service Unavailable).", Delay = TimeSpan.Zero },
        new() { Number = 2, StartedAt = At(0.45), Elapsed = TimeSpan.FromSeconds(0.01), ErrorKind = NodeErrorKind.Connection, Message = "The connection was refused.", Delay = TimeSpan.FromSeconds(0.4) },
        new() { Number = 3, StartedAt = At(1.31), Elapsed = TimeSpan.FromSeconds(0.14), StatusCode = 200, Delay = TimeSpan.FromSeconds(0.85) },
    ];

    private static TestReport Report(IReadOnlyList<NodeAttempt> attempts) => new()
    {
        NodeName = "Tested",
        SentAt = At(0),
        Outcome = NodeOutcome.Succeeded,
        StatusCode = 200,
        Seconds = 1.45,
        Attempts = attempts,
    };
}
