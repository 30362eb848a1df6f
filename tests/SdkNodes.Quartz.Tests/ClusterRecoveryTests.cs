using SdkNodes.Cluster;

namespace SdkNodes.Quartz.Tests;

/// <summary>
/// Three worker processes on one Quartz cluster, 300 purchase runs of three nodes each, and one
/// worker killed with SIGKILL while it holds runs: every run completes once, the dead worker's
/// runs are recovered elsewhere with their run ids, and their nodes send the same idempotency keys.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterRecoveryTests(PostgresServer postgres)
{
    private const int Runs = 300;

    private static readonly string[] PurchaseNodes = ["ReserveStock", "ChargePayment", "RequestShipment"];

    [Fact]
    public async Task ThreeWorkers_OneKilledWithRunsInFlight_EveryRunCompletesOnceAndRecoveredRunsResendTheirKeys()
    {
        ITestOutputHelper? output = TestContext.Current.TestOutputHelper;

        // A push takes 30 ms, so a worker always has runs part way through.
        await using TestCluster cluster = await TestCluster.StartAsync(postgres, TimeSpan.FromMilliseconds(30));
        // A backlog first, so each worker is busy with as many runs as it takes at once.
        IReadOnlyList<string> runIds = await cluster.TriggerPurchasesAsync(Runs);
        await cluster.StartWorkersAsync(3);

        // Kill the victim once it has finished some runs and is part way through two or more. The
        // snapshot is taken before the kill: a run part way in it cannot have been finished by the
        // victim (its last push takes 30 ms to answer, the kill follows at once).
        WorkerProcess victim = cluster.Workers[1];
        long waitStart = TimeProvider.System.GetTimestamp();
        IReadOnlyList<ReceivedRequest> beforeKill = cluster.Api.Received;
        while (!(RecordingApi.Shipped(beforeKill, victim.Instance) >= 10 && RecordingApi.InFlight(beforeKill, victim.Instance).Count >= 2))
        {
            if (TimeProvider.System.GetElapsedTime(waitStart) > TimeSpan.FromSeconds(60))
            {
                string perWorker = string.Join(", ", beforeKill.GroupBy(r => r.Worker).Select(g => $"{g.Key}: {g.Count()}"));
                Assert.Fail($"{victim.Instance} never held 2 runs part way after finishing 10 ({perWorker}).\n{await cluster.DescribeAsync()}");
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
            beforeKill = cluster.Api.Received;
        }

        victim.Kill();
        DateTimeOffset killedAt = DateTimeOffset.UtcNow;
        HashSet<string> heldByVictim = RecordingApi.InFlight(beforeKill, victim.Instance);
        output?.WriteLine($"Killed {victim.Instance} after it sent {beforeKill.Count(r => r.Worker == victim.Instance)} requests; it held {heldByVictim.Count} runs part way.");

        IReadOnlyList<RunHistoryRecord> runs = await cluster.WaitForRunsAsync(runIds, TimeSpan.FromSeconds(120));
        IReadOnlyList<ReceivedRequest> received = cluster.Api.Received.Where(r => r.Path != "/orders/changes").ToList();
        var nodes = new Dictionary<string, IReadOnlyList<NodeHistoryRecord>>();
        foreach (string runId in runIds)
        {
            nodes[runId] = await cluster.History.RunNodesAsync(runId, TestContext.Current.CancellationToken);
        }

        // Every run has exactly one run record, and it completed with its three nodes.
        Assert.Equal(runIds.Order(), runs.Select(r => r.RunId).Order());
        Assert.All(runs, r =>
        {
            Assert.Equal(RunStatus.Completed, r.Status);
            Assert.Equal(3, r.Nodes);
        });

        // The runs the dead worker held were recovered: run again, marked so, completed elsewhere.
        List<RunHistoryRecord> recovered = runs.Where(r => r.Recovered).ToList();
        Assert.NotEmpty(recovered);
        Assert.Superset(heldByVictim, recovered.Select(r => r.RunId).ToHashSet());
        foreach (RunHistoryRecord run in recovered)
        {
            Assert.True(run.StartedAt > killedAt, $"Recovered run {run.RunId}'s record is from an execution that started before the kill.");
            Assert.All(Final(run, nodes[run.RunId]), n => Assert.NotEqual(victim.Instance, Header(n, WorkerHost.WorkerHeader)));
        }

        // Each run's record comes with the three node records of the execution that completed it.
        foreach (RunHistoryRecord run in runs)
        {
            IReadOnlyList<NodeHistoryRecord> final = Final(run, nodes[run.RunId]);
            Assert.Equal(PurchaseNodes, final.Select(n => n.NodeName));
            Assert.All(final, n => Assert.Equal(NodeOutcome.Succeeded, n.Outcome));
        }

        // No node record is lost or duplicated: each request a surviving worker sent has exactly
        // one record, and each of their records one request. The dead worker's records are a
        // subset of what it sent (it died before it could acknowledge the rest).
        var survivorRequests = received.Where(r => r.Worker != victim.Instance).Select(r => Sent(r.RunId, r.IdempotencyKey, r.Worker)).Order().ToList();
        var survivorRecords = nodes.Values.SelectMany(n => n).Where(n => Header(n, WorkerHost.WorkerHeader) != victim.Instance).Select(n => Sent(n.RunId, Header(n, "Idempotency-Key"), Header(n, WorkerHost.WorkerHeader))).Order().ToList();
        Assert.Equal(survivorRequests, survivorRecords);
        var victimRequests = received.Where(r => r.Worker == victim.Instance).Select(r => Sent(r.RunId, r.IdempotencyKey, r.Worker)).ToHashSet();
        var victimRecords = nodes.Values.SelectMany(n => n).Where(n => Header(n, WorkerHost.WorkerHeader) == victim.Instance).Select(n => Sent(n.RunId, Header(n, "Idempotency-Key"), Header(n, WorkerHost.WorkerHeader))).ToList();
        Assert.Equal(victimRecords.Count, victimRecords.Distinct().Count());
        Assert.Subset(victimRequests, victimRecords.ToHashSet());

        // In every recovered run, each node request the API received again carries the key it
        // carried the first time; and the kill did make the API receive requests again.
        int resent = 0;
        foreach (RunHistoryRecord run in recovered)
        {
            foreach (IGrouping<string, ReceivedRequest> node in received.Where(r => r.RunId == run.RunId).GroupBy(r => r.Path))
            {
                Assert.Single(node.Select(r => r.IdempotencyKey).Distinct());
                resent += node.Count() - 1;
            }
        }

        Assert.True(resent > 0, "No request was received twice: the kill caught no run part way.");

        // Keys tell runs and nodes apart: no two (run, node) pairs share one.
        var keys = received.GroupBy(r => (r.RunId, r.Path)).Select(g => g.First().IdempotencyKey).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(Runs * 3, keys.Count);

        TimeSpan lastRestart = recovered.Max(r => r.StartedAt) - killedAt;
        output?.WriteLine($"{recovered.Count} runs recovered (of {heldByVictim.Count} held part way); {resent} requests received again, each with its first key; the last recovered run restarted {lastRestart.TotalSeconds:F1} s after the kill (check-in every {TestCluster.Checkin.TotalSeconds} s, taken for dead {TestCluster.MisfireThreshold.TotalSeconds} s past a missed one).");
    }

    [Fact]
    public async Task ScheduledRun_WhoseWorkerIsKilled_IsRecoveredWithItsRunIdAndKey()
    {
        // The order sync (every 10 s) takes 5 s to answer, so it is still running when its worker dies.
        await using TestCluster cluster = await TestCluster.StartAsync(postgres, TimeSpan.FromMilliseconds(30), syncDelay: TimeSpan.FromSeconds(5));
        await cluster.StartWorkersAsync(2);

        ReceivedRequest first = await WaitForAsync(cluster, r => r.Path == "/orders/changes", "the schedule never fired");
        WorkerProcess victim = cluster.Workers.Single(w => w.Instance == first.Worker);
        victim.Kill();

        ReceivedRequest again = await WaitForAsync(cluster, r => r.Path == "/orders/changes" && r.RunId == first.RunId && r.Worker != victim.Instance, "the killed worker's scheduled run was not run again by the other");
        Assert.Equal(first.IdempotencyKey, again.IdempotencyKey);

        long start = TimeProvider.System.GetTimestamp();
        RunHistoryRecord? record = null;
        while (record is null)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(60), $"No run record for the recovered scheduled run {first.RunId}.\n{await cluster.DescribeAsync()}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
            record = (await cluster.History.RunsAsync(new RunHistoryQuery { Name = ClusterWorkflows.OrderSync }, TestContext.Current.CancellationToken)).SingleOrDefault(r => r.RunId == first.RunId);
        }

        Assert.True(record.Recovered);
        Assert.Equal(RunStatus.Completed, record.Status);
    }

    private static async Task<ReceivedRequest> WaitForAsync(TestCluster cluster, Func<ReceivedRequest, bool> match, string failure)
    {
        long start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (cluster.Api.Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (TimeProvider.System.GetElapsedTime(start) > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"After 60 s {failure}.\n{await cluster.DescribeAsync()}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    // The node records of the execution that wrote the run's record (the run record keeps that
    // execution's start; an earlier, dead execution's records started before it).
    private static IReadOnlyList<NodeHistoryRecord> Final(RunHistoryRecord run, IReadOnlyList<NodeHistoryRecord> nodes)
        => nodes.Where(n => n.StartedAt >= run.StartedAt).OrderBy(n => n.StartedAt).ToList();

    private static string? Header(NodeHistoryRecord record, string name)
        => record.RequestHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Sent(string? runId, string? key, string? worker) => $"{runId}/{key}/{worker}";
}
