using Microsoft.Data.Sqlite;
using SdkNodes.Sqlite;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.History;

/// <summary>The SQLite store keeps each record's response size, and brings a version 1 file up to version 2 to do so.</summary>
public sealed class SqliteResponseBytesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdknodes-sqlite-bytes-").FullName;

    private string DatabasePath => Path.Combine(_directory, "history.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ResponseBytes_AreStored_KnownOrNot()
    {
        using (var sink = new SqliteHistorySink(DatabasePath))
        {
            await sink.WriteAsync(Record("buffered", 1_048_576), TestRuntime.Token);
            await sink.WriteAsync(Record("chunked-stream", null), TestRuntime.Token);
        }

        using var reader = new SqliteHistorySink(DatabasePath);
        var records = await reader.QueryAsync(new NodeHistoryQuery(), TestRuntime.Token);
        Assert.Equal([("chunked-stream", (long?)null), ("buffered", 1_048_576L)], records.Select(r => (r.NodeName, r.ResponseBytes)));
        Assert.Equal(4L, Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task AVersion1File_IsMigratedToTheCurrentVersion_OldRowsHaveNoSize_AndNewRowsKeepTheirs()
    {
        CreateVersion1FileWithOneRow();

        using (var sink = new SqliteHistorySink(DatabasePath))
        {
            NodeHistoryRecord old = Assert.Single(await sink.QueryAsync(new NodeHistoryQuery(), TestRuntime.Token));
            Assert.Equal(("OldNode", 3, (long?)null), (old.NodeName, old.Attempts, old.ResponseBytes));
            await sink.WriteAsync(Record("NewNode", 64), TestRuntime.Token);
        }

        Assert.Equal(4L, Scalar("PRAGMA user_version"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM pragma_table_info('node_records') WHERE name = 'response_bytes'"));

        // Opened again: the migration is not repeated (a second ADD COLUMN would throw).
        using var reopened = new SqliteHistorySink(DatabasePath);
        var records = await reopened.QueryAsync(new NodeHistoryQuery(), TestRuntime.Token);
        Assert.Equal([("NewNode", (long?)64), ("OldNode", null)], records.Select(r => (r.NodeName, r.ResponseBytes)));
    }

    private static NodeHistoryRecord Record(string node, long? responseBytes) => new()
    {
        NodeName = node,
        Method = "GET",
        Url = "http://127.0.0.1/files/1",
        Outcome = NodeOutcome.Succeeded,
        StatusCode = 200,
        StartedAt = DateTimeOffset.UtcNow,
        Elapsed = TimeSpan.FromMilliseconds(12),
        ResponseBytes = responseBytes,
    };

    /// <summary>A history file as SdkNodes.Sqlite made it at schema version 1 (attempts, no response_bytes), copied here because the source has moved on.</summary>
    private void CreateVersion1FileWithOneRow()
    {
        const string version1Schema = """
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
                elapsed_ms REAL NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 1);
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
            INSERT INTO node_records (run_id, node, method, url, request_headers, status_code, outcome, error_kind, error_message, started_at, started_ticks, elapsed_ms, attempts)
            VALUES (NULL, 'OldNode', 'GET', 'http://127.0.0.1/old', '[]', 200, 'Succeeded', NULL, NULL,
                    '2026-11-01T10:00:00.0000000+00:00', 639291240000000000, 250.5, 3);
            PRAGMA user_version = 1;
            """;
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = version1Schema;
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
