using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SdkNodes.PostgreSql;
using SdkNodes.Quartz;
using SdkNodes.Samples;

namespace SdkNodes.Cluster;

/// <summary>
/// The demo: PostgreSQL (given, or a throwaway server), the order system on 127.0.0.1, a backlog
/// of purchase runs, N workers (this program in worker mode) and the scheduled order sync; one
/// worker is killed with SIGKILL while it holds runs; the history shows every run completed once,
/// the dead worker's runs recovered by the others with their keys. Checks its own story: exits 0
/// when it holds, 1 with what did not.
/// </summary>
public static class ClusterDemo
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string[] args)
    {
        int workers = int.Parse(Option(args, "--workers") ?? "3", CultureInfo.InvariantCulture);
        int runs = int.Parse(Option(args, "--runs") ?? "60", CultureInfo.InvariantCulture);
        if (workers < 2 || runs < 10)
        {
            Console.Error.WriteLine("--workers must be at least 2 (one is killed) and --runs at least 10.");
            return 2;
        }

        await using Database database = await Database.OpenAsync(Option(args, "--postgres"));
        Console.WriteLine($"PostgreSQL: {database.Description}");
        await using RecordingApi api = await RecordingApi.StartAsync(TimeSpan.FromMilliseconds(50));
        Console.WriteLine($"Order system (loopback): {api.Address}");
        await using var history = new PostgreSqlHistorySink(database.ConnectionString);

        // This process only triggers runs: its scheduler is never started.
        using IHost trigger = await StartTriggerAsync(database.ConnectionString);
        IWorkflowTrigger workflows = trigger.Services.GetRequiredService<IWorkflowTrigger>();
        var runIds = new List<string>();
        for (int i = 1; i <= runs; i++)
        {
            runIds.Add(await workflows.TriggerAsync(ClusterWorkflows.Purchase, new PurchaseApproved($"p-{i:D4}", $"sku-{i % 7}", 1 + (i % 3), 10m + i)));
        }

        Console.WriteLine($"Triggered {runs} '{ClusterWorkflows.Purchase}' runs; '{ClusterWorkflows.OrderSync}' is scheduled by cron ({ClusterWorkflows.OrderSyncCron}).");

        var processes = new List<WorkerProcess>();
        try
        {
            for (int i = 1; i <= workers; i++)
            {
                processes.Add(WorkerProcess.Start(typeof(ClusterDemo).Assembly.Location, new WorkerSettings(database.ConnectionString, api.Address, $"worker-{i}", Concurrency: 5, Checkin: TimeSpan.FromSeconds(2), MisfireThreshold: TimeSpan.FromSeconds(2))));
            }

            await Task.WhenAll(processes.Select(p => p.WaitReadyAsync(TimeSpan.FromSeconds(60))));
            Console.WriteLine($"Started {workers} workers (processes {string.Join(", ", processes.Select(p => p.Instance))}), check-in every 2 s.");

            // Kill worker-2 once it has finished a few runs and is part way through others.
            WorkerProcess victim = processes[1];
            IReadOnlyList<ReceivedRequest> beforeKill = api.Received;
            long start = TimeProvider.System.GetTimestamp();
            while (!(RecordingApi.Shipped(beforeKill, victim.Instance) >= 3 && RecordingApi.InFlight(beforeKill, victim.Instance).Count > 0))
            {
                if (TimeProvider.System.GetElapsedTime(start) > Bound)
                {
                    Console.Error.WriteLine($"{victim.Instance} never held a run part way.\n{victim.Output}");
                    return 1;
                }

                await Task.Delay(5);
                beforeKill = api.Received;
            }

            victim.Kill();
            DateTimeOffset killedAt = DateTimeOffset.UtcNow;
            HashSet<string> held = RecordingApi.InFlight(beforeKill, victim.Instance);
            Console.WriteLine($"Killed {victim.Instance} (SIGKILL) while it held {held.Count} run(s) part way.");

            IReadOnlyList<RunHistoryRecord> finished = await WaitForRunsAsync(history, runIds);
            IReadOnlyList<RunHistoryRecord> syncs = await WaitForSyncAsync(history);
            Console.WriteLine();
            return await ReportAsync(history, api.Received, runIds, finished, syncs, victim.Instance, held, killedAt);
        }
        finally
        {
            await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
            await trigger.StopAsync();
        }
    }

    private static async Task<int> ReportAsync(
        PostgreSqlHistorySink history,
        IReadOnlyList<ReceivedRequest> received,
        IReadOnlyList<string> runIds,
        IReadOnlyList<RunHistoryRecord> runs,
        IReadOnlyList<RunHistoryRecord> syncs,
        string victim,
        HashSet<string> held,
        DateTimeOffset killedAt)
    {
        // Who completed each run: the worker header on the node records of its final execution.
        var completedBy = new Dictionary<string, string>();
        foreach (RunHistoryRecord run in runs)
        {
            IReadOnlyList<NodeHistoryRecord> nodes = await history.RunNodesAsync(run.RunId);
            completedBy[run.RunId] = nodes.Where(n => n.StartedAt >= run.StartedAt)
                .Select(n => n.RequestHeaders.FirstOrDefault(h => h.Key.Equals(WorkerHost.WorkerHeader, StringComparison.OrdinalIgnoreCase)).Value)
                .LastOrDefault() ?? "?";
        }

        Console.WriteLine($"{"Worker",-20}{"Runs completed",14}{"of which recovered",20}{"Requests sent",15}");
        foreach (IGrouping<string?, ReceivedRequest> worker in received.GroupBy(r => r.Worker).OrderBy(g => g.Key))
        {
            string name = worker.Key ?? "?";
            string label = name == victim ? $"{name} (killed)" : name;
            int completed = completedBy.Values.Count(w => w == name);
            int recovered = runs.Count(r => r.Recovered && completedBy[r.RunId] == name);
            Console.WriteLine($"{label,-20}{completed,14}{recovered,20}{worker.Count(),15}");
        }

        Console.WriteLine();
        List<RunHistoryRecord> recoveredRuns = runs.Where(r => r.Recovered).OrderBy(r => r.StartedAt).ToList();
        Console.WriteLine($"Recovered runs (restarted on another worker with the same run id, {(recoveredRuns.Count > 0 ? (recoveredRuns[^1].StartedAt - killedAt).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "-")} s after the kill at the latest):");
        Console.WriteLine($"{"Run id",-34}{"Completed by",-14}{"Requests received again",25}  Same idempotency keys");
        var problems = new List<string>();
        foreach (RunHistoryRecord run in recoveredRuns)
        {
            List<IGrouping<string, ReceivedRequest>> nodes = received.Where(r => r.RunId == run.RunId).GroupBy(r => r.Path).ToList();
            int again = nodes.Sum(n => n.Count() - 1);
            bool sameKeys = nodes.All(n => n.Select(r => r.IdempotencyKey).Distinct().Count() == 1);
            Console.WriteLine($"{run.RunId,-34}{completedBy[run.RunId],-14}{again,25}  {(sameKeys ? "yes" : "NO")}");
            if (!sameKeys)
            {
                problems.Add($"run {run.RunId} sent a node again with another key");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"'{ClusterWorkflows.OrderSync}' ran {syncs.Count} time(s) by cron, once per fire time across the cluster, by {string.Join(", ", received.Where(r => r.Path == "/orders/changes").Select(r => r.Worker).Distinct().Order())}.");

        // The story: every run once, completed; the runs the dead worker held recovered elsewhere.
        if (runs.Count != runIds.Count || runs.Select(r => r.RunId).Distinct().Count() != runIds.Count)
        {
            problems.Add($"{runIds.Count} runs were triggered but the history has {runs.Count} run records");
        }

        problems.AddRange(runs.Where(r => r.Status != RunStatus.Completed).Select(r => $"run {r.RunId} ended {r.Status}"));
        problems.AddRange(held.Where(id => !recoveredRuns.Exists(r => r.RunId == id)).Select(id => $"run {id}, held by {victim} when it died, was not recovered"));
        problems.AddRange(recoveredRuns.Where(r => completedBy[r.RunId] == victim).Select(r => $"recovered run {r.RunId} was completed by the dead worker"));
        if (recoveredRuns.Count == 0)
        {
            problems.Add("no run was recovered");
        }

        Console.WriteLine();
        if (problems.Count > 0)
        {
            Console.WriteLine("The story does not hold:");
            problems.ForEach(p => Console.WriteLine("  " + p));
            return 1;
        }

        Console.WriteLine($"{runIds.Count} runs, {runIds.Count} run records, all completed; {recoveredRuns.Count} recovered after {victim} died, each with its run id and idempotency keys.");
        return 0;
    }

    private static async Task<IHost> StartTriggerAsync(string connectionString)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSdkNodesWorkflows(o =>
        {
            o.ConnectionString = connectionString;
            o.InstanceId = "demo-trigger";
            o.ExecuteWorkflows = false;
            o.AddClusterWorkflows();
        });
        IHost host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IReadOnlyList<RunHistoryRecord>> WaitForRunsAsync(PostgreSqlHistorySink history, IReadOnlyList<string> runIds)
    {
        long start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            IReadOnlyList<RunHistoryRecord> runs = await history.RunsAsync(new RunHistoryQuery { Name = ClusterWorkflows.Purchase, Limit = 100_000 });
            int missing = runIds.Except(runs.Select(r => r.RunId)).Count();
            if (missing == 0 || TimeProvider.System.GetElapsedTime(start) > Bound)
            {
                return runs;
            }

            await Task.Delay(250);
        }
    }

    private static async Task<IReadOnlyList<RunHistoryRecord>> WaitForSyncAsync(PostgreSqlHistorySink history)
    {
        long start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            IReadOnlyList<RunHistoryRecord> syncs = await history.RunsAsync(new RunHistoryQuery { Name = ClusterWorkflows.OrderSync });
            if (syncs.Count > 0 || TimeProvider.System.GetElapsedTime(start) > Bound)
            {
                return syncs;
            }

            await Task.Delay(250);
        }
    }

    private static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The demo's database: the one given, or a new one on a throwaway server (or on the server SDKNODES_POSTGRES names).</summary>
    private sealed class Database : IAsyncDisposable
    {
        private readonly LocalPostgres? _server;

        private Database(string connectionString, string description, LocalPostgres? server)
        {
            ConnectionString = connectionString;
            Description = description;
            _server = server;
        }

        public string ConnectionString { get; }

        public string Description { get; }

        public static async Task<Database> OpenAsync(string? given)
        {
            if (given is not null)
            {
                return new Database(given, "the database given with --postgres", server: null);
            }

            LocalPostgres server = await LocalPostgres.StartAsync();
            string name = "sdknodes_cluster_" + Guid.NewGuid().ToString("N")[..8];
            await using (var connection = new NpgsqlConnection(server.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
            return new Database(builder.ConnectionString, $"database {name} on {builder.Host} (a throwaway server unless {LocalPostgres.ConnectionVariable} names one)", server);
        }

        public async ValueTask DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
