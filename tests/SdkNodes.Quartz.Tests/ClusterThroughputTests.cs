using SdkNodes.Cluster;

namespace SdkNodes.Quartz.Tests;

/// <summary>
/// How many purchase runs a second the cluster drains from a backlog, with 1 worker and with 3.
/// Printed, not asserted (this machine's 2 cores run the workers, the API and PostgreSQL); the
/// figures are in docs/scale-out.md. What is asserted is that every run completed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterThroughputTests(PostgresServer postgres)
{
    private const int Runs = 300;

    [Fact]
    public async Task Backlog_DrainedByOneWorkerAndByThree_EveryRunCompletesAndTheRatesArePrinted()
    {
        (double one, double enqueue) = await MeasureAsync(workers: 1);
        (double three, _) = await MeasureAsync(workers: 3);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Runs} runs of 3 nodes (30 ms each), 10 runs at once per worker: 1 worker {one:F1} runs/s, 3 workers {three:F1} runs/s; triggering {enqueue:F0} runs/s from one process.");
    }

    // Triggers the runs first, then starts the workers, and times the drain: from the first
    // request the API receives to the end of the last run.
    private async Task<(double RunsPerSecond, double TriggersPerSecond)> MeasureAsync(int workers)
    {
        await using TestCluster cluster = await TestCluster.StartAsync(postgres, TimeSpan.FromMilliseconds(30));
        long start = TimeProvider.System.GetTimestamp();
        IReadOnlyList<string> runIds = await cluster.TriggerPurchasesAsync(Runs);
        double triggersPerSecond = Runs / TimeProvider.System.GetElapsedTime(start).TotalSeconds;

        await cluster.StartWorkersAsync(workers);
        IReadOnlyList<RunHistoryRecord> runs = await cluster.WaitForRunsAsync(runIds, TimeSpan.FromSeconds(120));
        Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));

        DateTimeOffset first = cluster.Api.Received.Where(r => r.Path != "/orders/changes").Min(r => r.At);
        DateTimeOffset last = runs.Max(r => r.StartedAt + r.Elapsed);
        return (Runs / (last - first).TotalSeconds, triggersPerSecond);
    }
}
