using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using static SdkNodes.PostgreSql.Tests.Records;

namespace SdkNodes.PostgreSql.Tests;

/// <summary>
/// What every <see cref="INodeHistoryStore"/> does, run against each store by a subclass: the
/// proof that the SQLite and PostgreSQL stores have the same surface. Each test opens a store on
/// an empty history of its own.
/// </summary>
public abstract class HistoryStoreContract : IAsyncLifetime
{
    private readonly List<INodeHistoryStore> _opened = [];

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (INodeHistoryStore store in _opened)
        {
            await CloseAsync(store);
        }
    }

    /// <summary>Opens a store on this test's history; a second call opens it again, as another process would.</summary>
    protected abstract INodeHistoryStore CreateStore();

    protected abstract ValueTask CloseAsync(INodeHistoryStore store);

    [Fact]
    public async Task ANodeRecord_IsReadBack_WithEveryField_HeadersInOrder_AndRedactedSecretsStillRedacted()
    {
        INodeHistoryStore store = Open();
        NodeHistoryRecord written = Node(runId: "run-1", attempts: 3) with
        {
            RequestHeaders = [new("Accept", "application/json"), new("Authorization", "***"), new("X-Trace", "a\"b\\c ü")],
        };
        await store.WriteAsync(written, Token);
        await store.WriteAsync(Node("Lookup", outcome: NodeOutcome.TimedOut, attempts: 0), Token);

        NodeHistoryRecord read = Assert.Single(await store.QueryAsync(new NodeHistoryQuery { NodeName = "FindPlace" }, Token));
        Assert.Equal(written with { RequestHeaders = [], AttemptLog = [] }, read with { RequestHeaders = [], AttemptLog = [] });
        Assert.Empty(read.AttemptLog);
        Assert.Equal(written.RequestHeaders, read.RequestHeaders);
        Assert.Equal("***", read.RequestHeaders.Single(h => h.Key == "Authorization").Value);
        Assert.EndsWith("key=***", read.Url);

        NodeHistoryRecord timedOut = Assert.Single(await store.QueryAsync(new NodeHistoryQuery { NodeName = "Lookup" }, Token));
        Assert.Equal((null, null, NodeErrorKind.Timeout, 0, (long?)null), (timedOut.RunId, timedOut.StatusCode, timedOut.ErrorKind, timedOut.Attempts, timedOut.ResponseBytes));
    }

    [Fact]
    public async Task TheAttemptLogOfANodeThatRetried_IsReadBackAttemptByAttempt()
    {
        INodeHistoryStore store = Open();
        DateTimeOffset start = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
        NodeAttempt[] log =
        [
            new() { Number = 1, StartedAt = start, Elapsed = TimeSpan.FromMilliseconds(50), StatusCode = 503, ErrorKind = NodeErrorKind.Status, Message = "The server answered 503 (Service Unavailable).", Delay = TimeSpan.Zero },
            new() { Number = 2, StartedAt = start.AddSeconds(0.45), Elapsed = TimeSpan.FromMilliseconds(10), ErrorKind = NodeErrorKind.Connection, Message = "The connection was refused.", Delay = TimeSpan.FromSeconds(0.4) },
            new() { Number = 3, StartedAt = start.AddSeconds(1.31), Elapsed = TimeSpan.FromMilliseconds(140), StatusCode = 200, Delay = TimeSpan.FromSeconds(0.85) },
        ];
        await store.WriteAsync(Node("Retried", attempts: 3) with { AttemptLog = log }, Token);

        NodeHistoryRecord read = Assert.Single(await store.QueryAsync(new NodeHistoryQuery { NodeName = "Retried" }, Token));

        Assert.Equal(log, read.AttemptLog);
    }

    [Fact]
    public async Task SecretsTheRuntimeRedacted_StayRedactedInTheStore()
    {
        INodeHistoryStore store = Open();
        await using LoopbackServer server = await LoopbackServer.StartAsync(app => app.MapGet("/places", () => Results.Json(new { city = "Lyon" })));
        using (var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, HistorySinks = { store } }))
        {
            NodeResult result = await new FindPlaceWithKey { City = "Lyon", Key = "key-6f1e9c", Token = "Bearer tok-3b7d2a" }.SendAsync(runtime, Token);
            Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        }

        NodeHistoryRecord read = Assert.Single(await store.QueryAsync(new NodeHistoryQuery(), Token));
        string stored = read.Url + string.Concat(read.RequestHeaders.Select(h => h.Key + h.Value));
        Assert.DoesNotContain("key-6f1e9c", stored);
        Assert.DoesNotContain("tok-3b7d2a", stored);
        Assert.Contains("city=Lyon", read.Url);
        Assert.Contains(new KeyValuePair<string, string>("Authorization", "***"), read.RequestHeaders);
    }

    [Fact]
    public async Task Records_WrittenByOneStore_AreReadByAnotherOpenedLater()
    {
        INodeHistoryStore writer = Open();
        await writer.WriteAsync(Node(runId: "run-1"), Token);
        await writer.WriteRunAsync(Run("run-1"), Token);
        await CloseAsync(writer);
        _opened.Remove(writer);

        INodeHistoryStore reader = Open();
        Assert.Single(await reader.QueryAsync(new NodeHistoryQuery(), Token));
        Assert.Single(await reader.RunsAsync(new RunHistoryQuery(), Token));
    }

    [Fact]
    public async Task QueryByRunId_ReturnsOnlyThatRunsRecords()
    {
        INodeHistoryStore store = Open();
        await store.WriteAsync(Node("A", runId: "run-1"), Token);
        await store.WriteAsync(Node("B", runId: "run-2"), Token);
        await store.WriteAsync(Node("C", runId: "run-1"), Token);
        await store.WriteAsync(Node("D"), Token);

        var records = await store.QueryAsync(new NodeHistoryQuery { RunId = "run-1" }, Token);

        Assert.Equal(["C", "A"], records.Select(r => r.NodeName));
    }

    [Fact]
    public async Task QueryByNodeName_ReturnsOnlyThatNodesRecords_NewestFirst()
    {
        INodeHistoryStore store = Open();
        await store.WriteAsync(Node("FindPlace", startedAt: Noon), Token);
        await store.WriteAsync(Node("Other", startedAt: Noon.AddSeconds(1)), Token);
        await store.WriteAsync(Node("FindPlace", startedAt: Noon.AddSeconds(2), attempts: 2), Token);

        var records = await store.QueryAsync(new NodeHistoryQuery { NodeName = "FindPlace" }, Token);

        Assert.Equal([Noon.AddSeconds(2), Noon], records.Select(r => r.StartedAt));
    }

    [Fact]
    public async Task QueryByOutcome_ReturnsThatOutcome_AndFailuresOnlyReturnsEveryOtherOutcome()
    {
        INodeHistoryStore store = Open();
        await store.WriteAsync(Node("ok", outcome: NodeOutcome.Succeeded), Token);
        await store.WriteAsync(Node("failed", outcome: NodeOutcome.Failed), Token);
        await store.WriteAsync(Node("slow", outcome: NodeOutcome.TimedOut), Token);

        var timedOut = await store.QueryAsync(new NodeHistoryQuery { Outcome = NodeOutcome.TimedOut }, Token);
        var failures = await store.QueryAsync(new NodeHistoryQuery { FailuresOnly = true }, Token);

        Assert.Equal(["slow"], timedOut.Select(r => r.NodeName));
        Assert.Equal(["failed", "slow"], failures.Select(r => r.NodeName).Order());
    }

    [Fact]
    public async Task QueryByTimeRange_IncludesFrom_AndExcludesTo()
    {
        INodeHistoryStore store = Open();
        for (int second = 0; second < 5; second++)
        {
            await store.WriteAsync(Node($"at-{second}", startedAt: Noon.AddSeconds(second)), Token);
        }

        var records = await store.QueryAsync(new NodeHistoryQuery { From = Noon.AddSeconds(1), To = Noon.AddSeconds(3) }, Token);

        Assert.Equal(["at-2", "at-1"], records.Select(r => r.NodeName));
    }

    [Fact]
    public async Task QueryTimes_InAnotherOffset_MeanTheSameInstants()
    {
        INodeHistoryStore store = Open();
        await store.WriteAsync(Node("east", startedAt: Noon.ToOffset(TimeSpan.FromHours(8))), Token);

        var records = await store.QueryAsync(new NodeHistoryQuery { From = Noon.ToOffset(TimeSpan.FromHours(-5)), To = Noon.AddMilliseconds(1) }, Token);

        Assert.Equal(Noon, Assert.Single(records).StartedAt);
    }

    [Fact]
    public async Task Paging_WithLimitAndOffset_WalksEveryRecordOnce_NewestFirst_TiesInReverseWriteOrder()
    {
        INodeHistoryStore store = Open();
        for (int i = 0; i < 7; i++)
        {
            // Pairs share a start time: the order written breaks the tie.
            await store.WriteAsync(Node($"n{i}", startedAt: Noon.AddSeconds(i / 2)), Token);
        }

        var pages = new List<IReadOnlyList<NodeHistoryRecord>>();
        for (int offset = 0; offset < 9; offset += 3)
        {
            pages.Add(await store.QueryAsync(new NodeHistoryQuery { Limit = 3, Offset = offset }, Token));
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(["n6", "n5", "n4", "n3", "n2", "n1", "n0"], pages.SelectMany(p => p).Select(r => r.NodeName));
    }

    [Fact]
    public async Task RunNodes_ReturnsARunsRecords_InTheOrderWritten()
    {
        INodeHistoryStore store = Open();
        await store.WriteAsync(Node("third-started-first", runId: "run-1", startedAt: Noon.AddSeconds(2)), Token);
        await store.WriteAsync(Node("elsewhere", runId: "run-2"), Token);
        await store.WriteAsync(Node("second", runId: "run-1", startedAt: Noon), Token);

        var records = await store.RunNodesAsync("run-1", Token);

        Assert.Equal(["third-started-first", "second"], records.Select(r => r.NodeName));
        Assert.Empty(await store.RunNodesAsync("no-such-run", Token));
    }

    [Fact]
    public async Task Runs_AreFilteredByTimeNameAndStatus_AndPagedNewestFirst()
    {
        INodeHistoryStore store = Open();
        for (int i = 0; i < 5; i++)
        {
            await store.WriteRunAsync(Run($"run-{i}", startedAt: Noon.AddMinutes(i)), Token);
        }

        await store.WriteRunAsync(Run("nightly-1", name: "nightly", status: RunStatus.Aborted, startedAt: Noon.AddMinutes(1)), Token);

        var page1 = await store.RunsAsync(new RunHistoryQuery { Name = "purchase-approved", Limit = 2 }, Token);
        var page2 = await store.RunsAsync(new RunHistoryQuery { Name = "purchase-approved", Limit = 2, Offset = 2 }, Token);
        var window = await store.RunsAsync(new RunHistoryQuery { From = Noon.AddMinutes(1), To = Noon.AddMinutes(3) }, Token);
        var aborted = await store.RunsAsync(new RunHistoryQuery { Status = RunStatus.Aborted }, Token);

        Assert.Equal(["run-4", "run-3", "run-2", "run-1"], page1.Concat(page2).Select(r => r.RunId));
        Assert.Equal(["run-2", "run-1", "nightly-1"], window.Select(r => r.RunId));
        RunHistoryRecord abortedRun = Assert.Single(aborted);
        Assert.Equal(Run("nightly-1", name: "nightly", status: RunStatus.Aborted, startedAt: Noon.AddMinutes(1)), abortedRun);
    }

    [Fact]
    public async Task ARecoveredRun_IsReadBackAsRecovered()
    {
        INodeHistoryStore store = Open();
        await store.WriteRunAsync(Run("run-1", recovered: true), Token);
        await store.WriteRunAsync(Run("run-2"), Token);

        var runs = await store.RunsAsync(new RunHistoryQuery(), Token);

        Assert.Equal([("run-2", false), ("run-1", true)], runs.Select(r => (r.RunId, r.Recovered)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARunCompletedTwice_IsOneRun_AndTheRecoveredCompletionWins_WhicheverIsWrittenLast(bool recoveredFirst)
    {
        INodeHistoryStore store = Open();
        RunHistoryRecord byDeadWorker = Run("run-1", status: RunStatus.CompletedWithFailures, nodes: 2);
        RunHistoryRecord byRecoveringWorker = Run("run-1", recovered: true, nodes: 3);

        foreach (RunHistoryRecord run in recoveredFirst ? [byRecoveringWorker, byDeadWorker] : new[] { byDeadWorker, byRecoveringWorker })
        {
            await store.WriteRunAsync(run, Token);
        }

        Assert.Equal(byRecoveringWorker, Assert.Single(await store.RunsAsync(new RunHistoryQuery(), Token)));
    }

    [Fact]
    public async Task Purge_DeletesRecordsAndRunsThatStartedBeforeTheCutoff_AndSaysHowMany()
    {
        INodeHistoryStore store = Open();
        await store.WriteAsync(Node("old-1", runId: "old", startedAt: Noon.AddDays(-40)), Token);
        await store.WriteAsync(Node("old-2", runId: "old", startedAt: Noon.AddDays(-40)), Token);
        await store.WriteAsync(Node("old-single", startedAt: Noon.AddDays(-31)), Token);
        await store.WriteAsync(Node("at-cutoff", startedAt: Noon.AddDays(-30)), Token);
        await store.WriteAsync(Node("new", runId: "new", startedAt: Noon), Token);
        await store.WriteRunAsync(Run("old", startedAt: Noon.AddDays(-40)), Token);
        await store.WriteRunAsync(Run("new", startedAt: Noon), Token);

        HistoryPurgeResult purged = await store.PurgeAsync(Noon.AddDays(-30), Token);

        Assert.Equal(new HistoryPurgeResult(NodeRecords: 3, Runs: 1), purged);
        Assert.Equal(["new", "at-cutoff"], (await store.QueryAsync(new NodeHistoryQuery(), Token)).Select(r => r.NodeName));
        Assert.Equal(["new"], (await store.RunsAsync(new RunHistoryQuery(), Token)).Select(r => r.RunId));
        Assert.Equal(new HistoryPurgeResult(0, 0), await store.PurgeAsync(Noon.AddDays(-30), Token));
    }

    private INodeHistoryStore Open()
    {
        INodeHistoryStore store = CreateStore();
        _opened.Add(store);
        return store;
    }
}
