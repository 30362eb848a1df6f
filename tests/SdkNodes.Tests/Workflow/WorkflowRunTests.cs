using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Workflow;

/// <summary>Runs: shared ids, abort stops the nodes after it, continue goes on, one record per node and per run.</summary>
public class WorkflowRunTests
{
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/places/{customer}", (string customer) => customer == "c-1"
            ? Results.Json(new { city = "Lyon", country = "FR" })
            : Results.NotFound());
        app.MapPost("/approvals/{order}", (string order) => order == "o-ok" ? Results.Ok() : Results.StatusCode(500));
        app.MapPut("/customers/{id}", () => Results.NoContent());
    });

    [Fact]
    public async Task Run_AllNodesSucceed_SharesItsIdAndCompletes()
    {
        await using var server = await StartServerAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);

        WorkflowRun run = runtime.StartRun("purchase-approved");
        await run.SendAsync(new FindPlace { Customer = "c-1" }, TestRuntime.Token);
        await run.SendAsync(new Approve { Order = "o-ok" }, TestRuntime.Token);
        RunHistoryRecord record = await run.CompleteAsync();

        Assert.All(history.Records, r => Assert.Equal(run.Id, r.RunId));
        Assert.Equal(2, history.Records.Count);
        Assert.Equal(RunStatus.Completed, record.Status);
        Assert.Equal(2, record.Nodes);
        Assert.Equal("purchase-approved", record.Name);
        Assert.Same(record, Assert.Single(history.Runs));
    }

    [Fact]
    public async Task AbortFailure_InARun_StopsTheNodesAfterIt_WhichAreRecordedAsNotExecuted()
    {
        await using var server = await StartServerAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);

        await using WorkflowRun run = runtime.StartRun("purchase");
        NodeResult<System.Text.Json.JsonElement?> approval = await run.SendAsync(new Approve { Order = "o-broken" }, TestRuntime.Token);
        NodeResult<Place> later = await run.SendAsync(new FindPlace { Customer = "c-1" }, TestRuntime.Token);
        RunHistoryRecord record = await run.CompleteAsync();

        Assert.Equal(NodeOutcome.Failed, approval.Outcome);
        Assert.Equal(NodeOutcome.NotExecuted, later.Outcome);
        Assert.Equal(NodeErrorKind.RunAborted, later.Error!.Kind);
        Assert.Equal("Not executed: the run was aborted by Approve.", later.Error.Message);
        Assert.Equal("/approvals/o-broken", server.SingleRequest.Path);

        Assert.Equal([NodeOutcome.Failed, NodeOutcome.NotExecuted], history.Records.Select(r => r.Outcome));
        Assert.Equal(RunStatus.Aborted, record.Status);
        Assert.Equal("Approve", record.AbortedBy);
        Assert.Equal(2, record.Unsuccessful);
    }

    [Fact]
    public async Task ContinueFailure_InARun_GoesOn_AndCompletesWithFailures()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        WorkflowRun run = runtime.StartRun("lookup");
        NodeResult<Place> missing = await run.SendAsync(new FindPlace { Customer = "c-404" }, TestRuntime.Token);
        NodeResult<System.Text.Json.JsonElement?> approval = await run.SendAsync(new Approve { Order = "o-ok" }, TestRuntime.Token);
        RunHistoryRecord record = await run.CompleteAsync();

        Assert.Equal(NodeOutcome.Failed, missing.Outcome);
        Assert.Equal(NodeOutcome.Succeeded, approval.Outcome);
        Assert.Equal(RunStatus.CompletedWithFailures, record.Status);
        Assert.Null(record.AbortedBy);
    }

    [Fact]
    public async Task AbortFailure_OutsideARun_StillThrows()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var aborted = await Assert.ThrowsAsync<NodeAbortedException>(() => new Approve { Order = "o-broken" }.SendAsync(runtime, TestRuntime.Token));

        Assert.Equal(NodeOutcome.Failed, aborted.Result.Outcome);
    }

    [Fact]
    public async Task CompleteAsync_WritesTheRunRecordOnce()
    {
        await using var server = await StartServerAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);

        await using (WorkflowRun run = runtime.StartRun("twice"))
        {
            await run.CompleteAsync();
        }

        Assert.Single(history.Runs);
    }
}
