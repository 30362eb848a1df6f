using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using SdkNodes.Sqlite;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Workflow;

namespace SdkNodes.Tests.History;

/// <summary>The SQLite history store: real files, queries, and a writer killed mid-stream.</summary>
public sealed class SqliteHistoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdknodes-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "history.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Runs_AndNodes_AreStored_AndQueryable()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/places/{customer}", (string customer) => customer == "c-1" ? Results.Json(new { city = "Lyon", country = "FR" }) : Results.NotFound());
            app.MapPost("/approvals/{order}", (string order) => order == "o-ok" ? Results.Ok() : Results.StatusCode(500));
        });
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
        string runId;
        using (var sink = new SqliteHistorySink(DatabasePath))
        {
            using var runtime = TestRuntime.For(server, configure: o => o.HistorySinks.Add(sink));
            await new FindPlace { Customer = "c-404" }.SendAsync(runtime, TestRuntime.Token);
            await using WorkflowRun run = runtime.StartRun("approve");
            runId = run.Id;
            await run.SendAsync(new FindPlace { Customer = "c-1" }, TestRuntime.Token);
            await run.SendAsync(new Approve { Order = "o-broken" }, TestRuntime.Token);
            await run.SendAsync(new FindPlace { Customer = "c-1" }, TestRuntime.Token);
            await run.CompleteAsync();
        }

        // A new connection to the file: what a later process would read.
        using var reader = new SqliteHistorySink(DatabasePath);
        DateTimeOffset after = DateTimeOffset.UtcNow.AddSeconds(1);
        RunHistoryRecord storedRun = Assert.Single(await reader.RunsAsync(before, after, TestRuntime.Token));
        Assert.Equal((runId, RunStatus.Aborted, "Approve", 3), (storedRun.RunId, storedRun.Status, storedRun.AbortedBy, storedRun.Nodes));

        var inRun = await reader.RunNodesAsync(runId, TestRuntime.Token);
        Assert.Equal([NodeOutcome.Succeeded, NodeOutcome.Failed, NodeOutcome.NotExecuted], inRun.Select(r => r.Outcome));
        Assert.Equal("Not executed: the run was aborted by Approve.", inRun[2].ErrorMessage);

        var failures = await reader.QueryAsync(new NodeHistoryQuery { FailuresOnly = true, From = before }, TestRuntime.Token);
        Assert.Equal(3, failures.Count);
        var places = await reader.QueryAsync(new NodeHistoryQuery { NodeName = "FindPlace" }, TestRuntime.Token);
        Assert.Equal(3, places.Count);
        Assert.Equal(404, places[^1].StatusCode);
        Assert.Equal(NodeErrorKind.Status, places[^1].ErrorKind);
        Assert.Empty(await reader.QueryAsync(new NodeHistoryQuery { To = before }, TestRuntime.Token));
    }

    [Fact]
    public async Task Attempts_AreStored_AndReadBackByEveryQuery()
    {
        using (var sink = new SqliteHistorySink(DatabasePath))
        {
            await sink.WriteAsync(Record("not-sent", attempts: 0, runId: "run-a"), TestRuntime.Token);
            await sink.WriteAsync(Record("once", attempts: 1, runId: "run-a"), TestRuntime.Token);
            await sink.WriteAsync(Record("retried", attempts: 4, runId: "run-a"), TestRuntime.Token);
        }

        using var reader = new SqliteHistorySink(DatabasePath);
        var newestFirst = await reader.QueryAsync(new NodeHistoryQuery(), TestRuntime.Token);
        Assert.Equal([("retried", 4), ("once", 1), ("not-sent", 0)], newestFirst.Select(r => (r.NodeName, r.Attempts)));
        var inRun = await reader.RunNodesAsync("run-a", TestRuntime.Token);
        Assert.Equal([0, 1, 4], inRun.Select(r => r.Attempts));
    }

    [Fact]
    public void ANewFile_IsCreatedAtTheCurrentSchemaVersion()
    {
        using (new SqliteHistorySink(DatabasePath))
        {
        }

        Assert.Equal(4L, Scalar("PRAGMA user_version"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM pragma_table_info('node_records') WHERE name = 'attempts'"));
    }

    [Fact]
    public async Task AFileFromThePreviousSchema_IsMigrated_OldRowsReadOneAttempt_AndNewRowsKeepTheirCount()
    {
        CreatePreviousSchemaFileWithOneRow();

        using (var sink = new SqliteHistorySink(DatabasePath))
        {
            NodeHistoryRecord old = Assert.Single(await sink.QueryAsync(new NodeHistoryQuery(), TestRuntime.Token));
            Assert.Equal(("OldNode", 503, NodeErrorKind.Status, 1), (old.NodeName, old.StatusCode, old.ErrorKind, old.Attempts));
            Assert.Equal([new KeyValuePair<string, string>("Accept", "application/json")], old.RequestHeaders);

            await sink.WriteAsync(Record("NewNode", attempts: 3), TestRuntime.Token);
            NodeHistoryRecord written = Assert.Single(await sink.QueryAsync(new NodeHistoryQuery { NodeName = "NewNode" }, TestRuntime.Token));
            Assert.Equal(3, written.Attempts);
        }

        Assert.Equal(4L, Scalar("PRAGMA user_version"));

        // Opened again: the migration is not repeated (a second ADD COLUMN would throw), the rows are intact.
        using var reopened = new SqliteHistorySink(DatabasePath);
        var records = await reopened.QueryAsync(new NodeHistoryQuery(), TestRuntime.Token);
        Assert.Equal([("NewNode", 3), ("OldNode", 1)], records.Select(r => (r.NodeName, r.Attempts)));
    }

    [Fact]
    public async Task AFileFromThePreviousSchema_OpenedByManyStoresAtOnce_IsMigratedOnce()
    {
        CreatePreviousSchemaFileWithOneRow();

        // Separate unpooled connections take SQLite's file locks as separate processes would.
        SqliteHistorySink[] sinks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new SqliteHistorySink(DatabasePath), TestRuntime.Token)));
        try
        {
            foreach (SqliteHistorySink sink in sinks)
            {
                Assert.Equal(1, Assert.Single(await sink.QueryAsync(new NodeHistoryQuery(), TestRuntime.Token)).Attempts);
            }
        }
        finally
        {
            foreach (SqliteHistorySink sink in sinks)
            {
                sink.Dispose();
            }
        }

        Assert.Equal(4L, Scalar("PRAGMA user_version"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM pragma_table_info('node_records') WHERE name = 'attempts'"));
    }

    [Fact]
    public async Task AWriterKilledMidStream_LosesNoAcknowledgedRecord_AndTheFileOpensCleanly()
    {
        string writer = typeof(SqliteHistoryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HistoryWriter").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(DatabasePath);
        int acknowledged = -1;
        using (Process process = Process.Start(start)!)
        {
            while (acknowledged < 300 && await process.StandardOutput.ReadLineAsync(TestRuntime.Token) is { } line)
            {
                acknowledged = int.Parse(line["ack ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestRuntime.Token);
        }

        Assert.True(acknowledged >= 300, "the writer stopped before 300 acknowledged writes");
        using (var check = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            check.Open();
            using SqliteCommand integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)integrity.ExecuteScalar());
        }

        using var sink = new SqliteHistorySink(DatabasePath);
        var records = await sink.QueryAsync(new NodeHistoryQuery { Limit = 1_000_000 }, TestRuntime.Token);
        var names = records.Select(r => r.NodeName).ToHashSet();
        for (int n = 0; n <= acknowledged; n++)
        {
            Assert.Contains($"node-{n}", names);
        }
    }

    private static NodeHistoryRecord Record(string node, int attempts, string? runId = null) => new()
    {
        NodeName = node,
        RunId = runId,
        Method = "GET",
        Url = "http://127.0.0.1/items/1",
        Outcome = NodeOutcome.Succeeded,
        StatusCode = 200,
        StartedAt = DateTimeOffset.UtcNow,
        Elapsed = TimeSpan.FromMilliseconds(12),
        Attempts = attempts,
    };

    /// <summary>
    /// A history file as SdkNodes.Sqlite made it before attempts were stored: the schema is
    /// HistorySchema.Create as it was then, copied here because the source has moved on.
    /// </summary>
    private void CreatePreviousSchemaFileWithOneRow()
    {
        const string previousSchema = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS node_records (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id TEXT NULL,
                node TEXT NOT NULL,
                method TEXT NOT NULL,
                url TEXT NOT NULL,
                request_headers TEXT NOT NULL,
                status_code INTEGER NULL,
                outcome TEXT NOT NULL,
                error_kind TEXT NULL,
                error_message TEXT NULL,
                started_at TEXT NOT NULL,
                started_ticks INTEGER NOT NULL,
                elapsed_ms REAL NOT NULL);
            CREATE INDEX IF NOT EXISTS node_records_started ON node_records (started_ticks);
            CREATE INDEX IF NOT EXISTS node_records_node ON node_records (node, started_ticks);
            CREATE INDEX IF NOT EXISTS node_records_run ON node_records (run_id);
            CREATE TABLE IF NOT EXISTS runs (
                run_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                status TEXT NOT NULL,
                aborted_by TEXT NULL,
                nodes INTEGER NOT NULL,
                unsuccessful INTEGER NOT NULL,
                started_at TEXT NOT NULL,
                started_ticks INTEGER NOT NULL,
                elapsed_ms REAL NOT NULL);
            CREATE INDEX IF NOT EXISTS runs_started ON runs (started_ticks);
            INSERT INTO node_records (run_id, node, method, url, request_headers, status_code, outcome, error_kind, error_message, started_at, started_ticks, elapsed_ms)
            VALUES (NULL, 'OldNode', 'GET', 'http://127.0.0.1/old', '[{"Key":"Accept","Value":"application/json"}]', 503, 'Failed', 'Status', 'The server answered 503',
                    '2026-11-01T10:00:00.0000000+00:00', 639291240000000000, 250.5);
            """;
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = previousSchema;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
