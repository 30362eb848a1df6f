using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SdkNodes.Cluster;

namespace SdkNodes.Quartz.Tests;

/// <summary>AddSdkNodesWorkflows in this process, on a database of each test's own.</summary>
public sealed class WorkflowHostingTests(PostgresServer postgres)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void AddSdkNodesWorkflows_WithoutConnectionString_IsRefusedNamingTheOption()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSdkNodesWorkflows(o => o.AddClusterWorkflows()));
        Assert.Contains("ConnectionString", ex.Message);
    }

    [Fact]
    public void AddSdkNodesWorkflows_CalledTwice_IsRefused()
    {
        var services = new ServiceCollection().AddSdkNodesWorkflows(o => o.ConnectionString = "Host=/nowhere");
        Assert.Throws<InvalidOperationException>(() => services.AddSdkNodesWorkflows(o => o.ConnectionString = "Host=/nowhere"));
    }

    [Fact]
    public void AddWorkflow_TheSameNameTwice_IsRefused()
    {
        var options = new SdkNodesWorkflowOptions().AddWorkflow<OrderSyncWorkflow>("sync");
        Assert.Throws<ArgumentException>(() => options.AddWorkflow<OrderSyncWorkflow>("sync"));
    }

    [Fact]
    public async Task TriggerAsync_AnUnknownWorkflowOrTheWrongData_IsRefusedBeforeAnythingIsStored()
    {
        await using ServiceProvider services = new ServiceCollection()
            .AddLogging()
            .AddSdkNodesWorkflows(o =>
            {
                o.ConnectionString = "Host=/nowhere;Database=none";
                o.AddClusterWorkflows();
            })
            .BuildServiceProvider();
        IWorkflowTrigger trigger = services.GetRequiredService<IWorkflowTrigger>();

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => trigger.TriggerAsync("no-such-workflow", TestContext.Current.CancellationToken));
        Assert.Contains("no-such-workflow", unknown.Message);
        var noData = await Assert.ThrowsAsync<ArgumentException>(() => trigger.TriggerAsync(ClusterWorkflows.Purchase, TestContext.Current.CancellationToken));
        Assert.Contains(nameof(PurchaseApproved), noData.Message);
        var wrongData = await Assert.ThrowsAsync<ArgumentException>(() => trigger.TriggerAsync(ClusterWorkflows.Purchase, "a string", TestContext.Current.CancellationToken));
        Assert.Contains("String", wrongData.Message);
    }

    [Fact]
    public async Task TriggeredWorkflow_ReadsTheRecordItWasTriggeredWith_AndItsRunIdIsTheOneReturned()
    {
        string database = await postgres.CreateDatabaseAsync();
        var seen = new Seen();
        var history = new InMemoryHistorySink();
        using IHost worker = await StartAsync(database, "a", seen, history, o => o.AddWorkflow<SeeingWorkflow, PurchaseApproved>("see"));

        var purchase = new PurchaseApproved("p-42", "sku-1", 3, 99.5m);
        string runId = await worker.Services.GetRequiredService<IWorkflowTrigger>().TriggerAsync("see", purchase, TestContext.Current.CancellationToken);

        await WaitUntilAsync(() => history.Runs.Count >= 1, "the triggered run never completed");
        (string RunId, bool Recovered, PurchaseApproved? Data) run = Assert.Single(seen.Runs);
        Assert.Equal((runId, false, purchase), run);
        RunHistoryRecord record = Assert.Single(history.Runs);
        Assert.Equal(runId, record.RunId);
        Assert.Equal("see", record.Name);
        Assert.False(record.Recovered);
        await worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ScheduledWorkflow_OnTwoWorkers_RunsOncePerFireTime()
    {
        string database = await postgres.CreateDatabaseAsync();
        var seen = new Seen();
        var history = new InMemoryHistorySink();
        Action<SdkNodesWorkflowOptions> every2Seconds = o => o.AddWorkflow<SeeingWorkflow>("tick", cron: "0/2 * * * * ?");
        using IHost a = await StartAsync(database, "a", seen, history, every2Seconds);
        using IHost b = await StartAsync(database, "b", seen, history, every2Seconds);

        await WaitUntilAsync(() => seen.Runs.Count >= 4, "the schedule fired fewer than 4 times");
        await a.StopAsync(TestContext.Current.CancellationToken);
        await b.StopAsync(TestContext.Current.CancellationToken);

        // One run per fire time across both workers: the ids (derived from the fire time) are all
        // different, and there are as many runs as records.
        List<string> ids = seen.Runs.Select(r => r.RunId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(), history.Runs.Select(r => r.RunId).Order());
        Assert.All(seen.Runs, r => Assert.False(r.Recovered));
    }

    [Fact]
    public async Task QuartzTables_CreatedOnTheFirstStart_AreLeftAsTheyAreOnTheNext()
    {
        string database = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, await CountQuartzTablesAsync(database));

        using (IHost first = await StartAsync(database, "a", new Seen(), new InMemoryHistorySink(), o => o.AddWorkflow<SeeingWorkflow>("tick", cron: "0 0 0 1 1 ?")))
        {
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        int created = await CountQuartzTablesAsync(database);
        Assert.True(created >= 11, $"Only {created} Quartz tables were created.");

        using (IHost second = await StartAsync(database, "b", new Seen(), new InMemoryHistorySink(), o => o.AddWorkflow<SeeingWorkflow>("tick", cron: "0 0 0 1 1 ?")))
        {
            await second.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(created, await CountQuartzTablesAsync(database));
    }

    private static async Task<IHost> StartAsync(string database, string instance, Seen seen, InMemoryHistorySink history, Action<SdkNodesWorkflowOptions> workflows)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(seen);
        builder.Services.AddSdkNodes(o => o.HistorySinks.Add(history));
        builder.Services.AddSdkNodesWorkflows(o =>
        {
            o.ConnectionString = database;
            o.InstanceId = instance;
            workflows(o);
        });
        IHost host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static async Task<int> CountQuartzTablesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        long start = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < Bound, $"After {Bound.TotalSeconds} s: {failure}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>What the workflows below saw, across every worker of a test.</summary>
    public sealed class Seen
    {
        private readonly ConcurrentQueue<(string, bool, PurchaseApproved?)> _runs = new();

        public IReadOnlyList<(string RunId, bool Recovered, PurchaseApproved? Data)> Runs => _runs.ToArray();

        public void Add(WorkflowRun run, PurchaseApproved? data) => _runs.Enqueue((run.Id, run.Recovered, data));
    }

    /// <summary>Sends no node: notes the run (and its data) where the test can see it.</summary>
    public sealed class SeeingWorkflow(Seen seen) : IWorkflow, IWorkflow<PurchaseApproved>
    {
        public Task RunAsync(WorkflowRun run, CancellationToken cancellationToken)
        {
            seen.Add(run, null);
            return Task.CompletedTask;
        }

        public Task RunAsync(WorkflowRun run, PurchaseApproved data, CancellationToken cancellationToken)
        {
            seen.Add(run, data);
            return Task.CompletedTask;
        }
    }
}
