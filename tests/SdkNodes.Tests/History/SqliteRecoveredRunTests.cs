using Microsoft.Data.Sqlite;
using SdkNodes.Sqlite;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.History;

/// <summary>The SQLite store keeps whether a run was recovered, and brings a version 2 file up to the current version to do so.</summary>
public sealed class SqliteRecoveredRunTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdknodes-sqlite-recovered-").FullName;

    private string DatabasePath => Path.Combine(_directory, "history.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AVersion2File_IsMigrated_OldRunsReadNotRecovered_AndNewRunsKeepTheFlag()
    {
        CreateVersion2FileWithOneRun();

        using (var sink = new SqliteHistorySink(DatabasePath))
        {
            RunHistoryRecord old = Assert.Single(await sink.RunsAsync(new RunHistoryQuery(), TestRuntime.Token));
            Assert.Equal(("old-run", false), (old.RunId, old.Recovered));
            await sink.WriteRunAsync(old with { RunId = "new-run", Recovered = true }, TestRuntime.Token);
        }

        Assert.Equal(4L, Scalar("PRAGMA user_version"));

        // Opened again: the migration is not repeated (a second ADD COLUMN would throw).
        using var reopened = new SqliteHistorySink(DatabasePath);
        var runs = await reopened.RunsAsync(new RunHistoryQuery(), TestRuntime.Token);
        Assert.Equal([("new-run", true), ("old-run", false)], runs.Select(r => (r.RunId, r.Recovered)).Order());
    }

    /// <summary>A history file as SdkNodes.Sqlite made it at schema version 2 (response_bytes, no runs.recovered), copied here because the source has moved on.</summary>
    private void CreateVersion2FileWithOneRun()
    {
        const string version2Schema = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE node_records (
                id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NULL, node TEXT NOT NULL, method TEXT NOT NULL,
                url TEXT NOT NULL, request_headers TEXT NOT NULL, status_code INTEGER NULL, outcome TEXT NOT NULL,
                error_kind TEXT NULL, error_message TEXT NULL, started_at TEXT NOT NULL, started_ticks INTEGER NOT NULL,
                elapsed_ms REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 1, response_bytes INTEGER NULL);
            CREATE TABLE runs (
                run_id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, aborted_by TEXT NULL,
                nodes INTEGER NOT NULL, unsuccessful INTEGER NOT NULL, started_at TEXT NOT NULL,
                started_ticks INTEGER NOT NULL, elapsed_ms REAL NOT NULL);
            INSERT INTO runs (run_id, name, status, aborted_by, nodes, unsuccessful, started_at, started_ticks, elapsed_ms)
            VALUES ('old-run', 'purchase-approved', 'Completed', NULL, 3, 0, '2026-11-01T10:00:00.0000000+00:00', 639291240000000000, 750.5);
            PRAGMA user_version = 2;
            """;
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = version2Schema;
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
