using SdkNodes.Cluster;

namespace SdkNodes.Quartz.Tests;

public sealed class ClusterRecoveryTests(PostgresServer postgres)
{
    private const int Runs = 300;

    [Fact]
    public async Task ThreeWorkers_OneKilledWithRunsInFlight_EveryRunCompletes()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(postgres, TimeSpan.FromMilliseconds(30));
        await cluster.StartWorkersAsync(3);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Task<IReadOnlyList<string>> triggering = cluster.TriggerPurchasesAsync(Runs);

        WorkerProcess victim = cluster.Workers[1];
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var mine = cluster.Api.Received.Where(r => r.Worker == victim.Instance).ToList();
            int shipped = mine.Count(r => r.Path == "/shipments");
            bool inFlight = mine.GroupBy(r => r.RunId).Any(g => g.All(r => r.Path != "/shipments"));
            if (shipped >= 10 && inFlight)
            {
                break;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                string perWorker = string.Join(", ", cluster.Api.Received.GroupBy(r => r.Worker).Select(g => $"{g.Key}: {g.Count()}"));
                Assert.Fail($"{victim.Instance} never held runs in flight ({perWorker}).\n{await cluster.DescribeAsync()}");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        victim.Kill();
        TestContext.Current.TestOutputHelper?.WriteLine($"killed at {clock.Elapsed}, triggering done: {triggering.IsCompleted}, worker header seen: {cluster.Api.Received.Count(r => r.Worker is not null)}");
        IReadOnlyList<string> runIds = await triggering;
        TestContext.Current.TestOutputHelper?.WriteLine($"triggered at {clock.Elapsed}");
        var killedAt = DateTimeOffset.UtcNow;
        TestContext.Current.TestOutputHelper?.WriteLine($"killed {victim.Instance} at {killedAt:O}");

        deadline = DateTimeOffset.UtcNow.AddSeconds(120);
        while (cluster.Api.Received.Where(r => r.Path == "/shipments").Select(r => r.RunId).Distinct().Count() < Runs)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"not all runs shipped.\n{cluster.WorkerOutput()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var byRun = cluster.Api.Received.GroupBy(r => r.RunId).ToList();
        var recovered = byRun.Where(g => g.Select(r => r.Worker).Distinct().Count() > 1).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"recovered {recovered.Count}: first recovered request {recovered.SelectMany(g => g).Where(r => r.Worker != victim.Instance).Min(r => r.At) - killedAt}");
        Assert.NotEmpty(recovered);
        Assert.Equal(runIds.Order(), byRun.Select(g => g.Key!).Order());
    }
}
