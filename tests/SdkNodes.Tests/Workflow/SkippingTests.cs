using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Workflow;

/// <summary>Values read from a failed node are skipped, field by field, with the reason.</summary>
public class SkippingTests
{
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/places/{customer}", (string customer) => customer == "c-1"
            ? Results.Json(new { city = "Lyon", country = "FR" })
            : Results.Json(new { reason = "unknown" }, statusCode: 404));
        app.MapPut("/customers/{id}", () => Results.NoContent());
    });

    [Fact]
    public async Task Output_OfASucceededNode_IsTheValue()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        NodeResult<Place> place = await new FindPlace { Customer = "c-1" }.SendAsync(runtime, TestRuntime.Token);
        NodeValue<string> city = place.Output(p => p.City);

        Assert.False(city.IsSkipped);
        Assert.Equal("Lyon", city.Value);
        Assert.Equal("application/json; charset=utf-8", place.Header("Content-Type").Value);
    }

    [Fact]
    public async Task Output_OfAFailedNode_IsSkipped_WithTheNodeAndItsError()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        NodeResult<Place> place = await new FindPlace { Customer = "c-404" }.SendAsync(runtime, TestRuntime.Token);
        NodeValue<string> city = place.Output(p => p.City);

        Assert.True(city.IsSkipped);
        Assert.StartsWith("FindPlace failed: The server answered 404", city.SkipReason);
        var error = Assert.Throws<InvalidOperationException>(() => city.Value);
        Assert.Contains("FindPlace failed", error.Message);
        Assert.Null(city.ValueOrDefault);
    }

    [Fact]
    public async Task FieldUpdate_FiveFields_OneReadingAFailedNode_AppliesFourAndReportsOne()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        NodeResult<Place> found = await new FindPlace { Customer = "c-1" }.SendAsync(runtime, TestRuntime.Token);
        NodeResult<Place> failed = await new FindPlace { Customer = "c-404" }.SendAsync(runtime, TestRuntime.Token);
        var record = new Dictionary<string, object?> { ["Region"] = "unchanged" };

        FieldUpdateReport report = new FieldUpdate()
            .Set("City", found.Output(p => p.City))
            .Set("Country", found.Output(p => p.Country))
            .Set("Region", failed.Output(p => p.Country))
            .Set("Status", "active")
            .Set("Score", 42)
            .ApplyTo(record);

        Assert.Equal(["City", "Country", "Status", "Score"], report.Applied);
        SkippedField skipped = Assert.Single(report.Skipped);
        Assert.Equal("Region", skipped.Field);
        Assert.StartsWith("FindPlace failed:", skipped.Reason);
        Assert.Equal("Lyon", record["City"]);
        Assert.Equal("FR", record["Country"]);
        Assert.Equal("unchanged", record["Region"]);
        Assert.Equal(42, record["Score"]);
    }

    [Fact]
    public async Task NodeWithASkippedRequiredInput_DoesNotRun_AndIsRecordedAsSkipped()
    {
        await using var server = await StartServerAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);

        WorkflowRun run = runtime.StartRun("update-city");
        NodeResult<Place> place = await run.SendAsync(new FindPlace { Customer = "c-404" }, TestRuntime.Token);
        NodeValue<string> city = place.Output(p => p.City);
        var save = new SaveCity { Id = "c-404", Update = new CustomerUpdate("c-404", city.ValueOrDefault!) };
        NodeResult<System.Text.Json.JsonElement?> saved = await run.SendAsync(save, [city], TestRuntime.Token);
        RunHistoryRecord runRecord = await run.CompleteAsync();

        Assert.Equal(NodeOutcome.Skipped, saved.Outcome);
        Assert.Equal(NodeErrorKind.SkippedInput, saved.Error!.Kind);
        Assert.Contains("FindPlace failed", saved.Error.Message);
        Assert.DoesNotContain(server.Requests, r => r.Method == "PUT");
        NodeHistoryRecord record = history.Records.Last();
        Assert.Equal(("SaveCity", NodeOutcome.Skipped), (record.NodeName, record.Outcome));
        Assert.Contains("a required input was skipped", record.ErrorMessage);
        Assert.Equal(RunStatus.CompletedWithFailures, runRecord.Status);
    }

    [Fact]
    public async Task NodeWithRequiredInputsThatExist_Runs()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        WorkflowRun run = runtime.StartRun("update-city");
        NodeResult<Place> place = await run.SendAsync(new FindPlace { Customer = "c-1" }, TestRuntime.Token);
        NodeValue<string> city = place.Output(p => p.City);
        var saved = await run.SendAsync(new SaveCity { Id = "c-1", Update = new CustomerUpdate("c-1", city.Value!) }, [city], TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, saved.Outcome);
        Assert.Contains("\"city\":\"Lyon\"", server.Requests.Single(r => r.Method == "PUT").Body);
    }
}
