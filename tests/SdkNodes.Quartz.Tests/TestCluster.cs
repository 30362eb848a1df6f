using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SdkNodes.Cluster;
using SdkNodes.PostgreSql;

namespace SdkNodes.Quartz.Tests;

/// <summary>
/// A cluster for one test: a database of its own, the recording API in this process, N worker
/// processes (the cluster sample in worker mode), and a host in this process that only triggers
/// runs (its scheduler is never started, so it executes nothing).
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly List<WorkerProcess> _workers = [];
    private IHost? _client;

    private TestCluster(string connectionString, RecordingApi api)
    {
        ConnectionString = connectionString;
        Api = api;
        History = new PostgreSqlHistorySink(connectionString);
    }

    /// <summary>The cluster's run history, read back from PostgreSQL.</summary>
    public PostgreSqlHistorySink History { get; }

    public string ConnectionString { get; }

    public RecordingApi Api { get; }

    public IReadOnlyList<WorkerProcess> Workers => _workers;

    /// <summary>Quartz's check-in interval of the workers: with <see cref="MisfireThreshold"/>, how soon a dead one is noticed.</summary>
    public static TimeSpan Checkin { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long past a missed check-in a worker is taken for dead. Twice the interval: the tests
    /// run beside other test projects on 2 cores, and a live worker starved of CPU for a moment
    /// must not be taken for dead (its runs would then execute twice at once).
    /// </summary>
    public static TimeSpan MisfireThreshold { get; } = TimeSpan.FromSeconds(2);

    public static async Task<TestCluster> StartAsync(PostgresServer postgres, TimeSpan apiDelay, TimeSpan syncDelay = default)
    {
        string database = await postgres.CreateDatabaseAsync();
        var cluster = new TestCluster(database, await RecordingApi.StartAsync(apiDelay, syncDelay));
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSdkNodesWorkflows(o =>
        {
            o.ConnectionString = database;
            o.InstanceId = "test-trigger";
            o.ExecuteWorkflows = false;
            o.AddClusterWorkflows();
        });
        cluster._client = builder.Build();
        await cluster._client.StartAsync();
        return cluster;
    }

    /// <summary>Starts <paramref name="count"/> more workers and waits until each says it is ready.</summary>
    public async Task StartWorkersAsync(int count, int concurrency = 10)
    {
        string program = typeof(TestCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ClusterProgram").Value!;
        var started = new List<WorkerProcess>();
        for (int i = 0; i < count; i++)
        {
            var settings = new WorkerSettings(ConnectionString, Api.Address, $"worker-{_workers.Count + 1}", concurrency, Checkin, MisfireThreshold);
            WorkerProcess worker = WorkerProcess.Start(program, settings);
            _workers.Add(worker);
            started.Add(worker);
        }

        await Task.WhenAll(started.Select(w => w.WaitReadyAsync(ReadyTimeout)));
    }

    /// <summary>Triggers <paramref name="count"/> purchase runs and returns their run ids.</summary>
    public async Task<IReadOnlyList<string>> TriggerPurchasesAsync(int count)
    {
        IWorkflowTrigger trigger = _client!.Services.GetRequiredService<IWorkflowTrigger>();
        var runIds = new List<string>(count);
        for (int i = 1; i <= count; i++)
        {
            runIds.Add(await trigger.TriggerAsync(ClusterWorkflows.Purchase, new PurchaseApproved($"p-{i}", $"sku-{i % 7}", 1 + (i % 3), 10m + i)));
        }

        return runIds;
    }

    /// <summary>
    /// What the cluster looks like, for failure messages: the requests the API received, the
    /// triggers in Quartz's tables by state, the firings in progress, and every worker's output.
    /// </summary>
    public async Task<string> DescribeAsync()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"API received {Api.Count} requests; the last ones:");
        foreach (ReceivedRequest r in Api.Received.TakeLast(10))
        {
            text.AppendLine($"  {r.At:HH:mm:ss.fff} {r.Worker} {r.Path} run {r.RunId} key {r.IdempotencyKey}");
        }

        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (string sql in new[]
        {
            "SELECT trigger_group || ' ' || trigger_state, count(*) FROM qrtz_triggers GROUP BY 1 ORDER BY 1",
            "SELECT 'fired by ' || instance_name || ' ' || state, count(*) FROM qrtz_fired_triggers GROUP BY 1 ORDER BY 1",
            "SELECT 'node ' || instance_name || ' checked in ' || last_checkin_time::text, 0 FROM qrtz_scheduler_state",
        })
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine($"{reader.GetString(0)}: {reader.GetInt64(1)}");
            }
        }

        text.AppendLine(WorkerOutput());
        return text.ToString();
    }

    /// <summary>
    /// Waits until the history holds a run record for each of <paramref name="runIds"/>, polling
    /// at most <paramref name="timeout"/>, and returns the purchase runs' records.
    /// </summary>
    public async Task<IReadOnlyList<RunHistoryRecord>> WaitForRunsAsync(IReadOnlyCollection<string> runIds, TimeSpan timeout)
    {
        long start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            IReadOnlyList<RunHistoryRecord> runs = await History.RunsAsync(new RunHistoryQuery { Name = ClusterWorkflows.Purchase, Limit = 10_000 });
            int missing = runIds.Except(runs.Select(r => r.RunId)).Count();
            if (missing == 0)
            {
                return runs;
            }

            if (TimeProvider.System.GetElapsedTime(start) > timeout)
            {
                Assert.Fail($"{missing} of {runIds.Count} runs have no run record after {timeout.TotalSeconds} s.\n{await DescribeAsync()}");
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Every worker's output, for failure messages.</summary>
    public string WorkerOutput() => string.Join("\n", _workers.Select(w => $"--- {w.Instance}{(w.HasExited ? " (exited)" : "")} ---\n{w.Output}"));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_workers.Select(w => w.DisposeAsync().AsTask()));
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        await Api.DisposeAsync();
        await History.DisposeAsync();
    }
}
