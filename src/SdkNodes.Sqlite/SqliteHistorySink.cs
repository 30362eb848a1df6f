using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace SdkNodes.Sqlite;

/// <summary>
/// Keeps the run history in a SQLite file: one row per node execution and per workflow run,
/// written before <c>SendAsync</c> returns, in WAL mode so a process that dies loses nothing it
/// was told was written. Query it through <see cref="INodeHistoryStore"/>. A run written twice (by
/// a worker that died just after completing it, and by the one that recovered it) is one row, and
/// the recovered completion wins. Thread-safe; one connection, writes in order.
/// </summary>
public sealed class SqliteHistorySink : INodeHistoryStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Opens (or creates) the history database at <paramref name="path"/>. A file written by an
    /// earlier version of this store is brought up to the current schema in place.
    /// </summary>
    public SqliteHistorySink(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute(HistorySchema.Create);
        HistoryMigrations.Apply(_connection);
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(NodeHistoryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using SqliteCommand command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO node_records (run_id, node, method, url, request_headers, status_code, outcome, error_kind, error_message, started_at, started_ticks, elapsed_ms, attempts, response_bytes, attempt_log)
                VALUES ($run, $node, $method, $url, $headers, $status, $outcome, $kind, $message, $started, $ticks, $elapsed, $attempts, $bytes, $log)
                """;
            command.Parameters.AddWithValue("$run", (object?)record.RunId ?? DBNull.Value);
            command.Parameters.AddWithValue("$node", record.NodeName);
            command.Parameters.AddWithValue("$method", record.Method);
            command.Parameters.AddWithValue("$url", record.Url);
            command.Parameters.AddWithValue("$headers", HistoryRows.HeadersJson(record.RequestHeaders));
            command.Parameters.AddWithValue("$status", (object?)record.StatusCode ?? DBNull.Value);
            command.Parameters.AddWithValue("$outcome", record.Outcome.ToString());
            command.Parameters.AddWithValue("$kind", (object?)record.ErrorKind?.ToString() ?? DBNull.Value);
            command.Parameters.AddWithValue("$message", (object?)record.ErrorMessage ?? DBNull.Value);
            command.Parameters.AddWithValue("$started", record.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$ticks", record.StartedAt.UtcTicks);
            command.Parameters.AddWithValue("$elapsed", record.Elapsed.TotalMilliseconds);
            command.Parameters.AddWithValue("$attempts", record.Attempts);
            command.Parameters.AddWithValue("$bytes", (object?)record.ResponseBytes ?? DBNull.Value);
            command.Parameters.AddWithValue("$log", HistoryRows.AttemptLogJson(record.AttemptLog));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask WriteRunAsync(RunHistoryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using SqliteCommand command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO runs (run_id, name, status, aborted_by, nodes, unsuccessful, started_at, started_ticks, elapsed_ms, recovered)
                VALUES ($run, $name, $status, $aborted, $nodes, $unsuccessful, $started, $ticks, $elapsed, $recovered)
                ON CONFLICT (run_id) DO UPDATE SET
                    name = excluded.name, status = excluded.status, aborted_by = excluded.aborted_by, nodes = excluded.nodes,
                    unsuccessful = excluded.unsuccessful, started_at = excluded.started_at, started_ticks = excluded.started_ticks,
                    elapsed_ms = excluded.elapsed_ms, recovered = excluded.recovered
                WHERE excluded.recovered OR NOT runs.recovered
                """;
            command.Parameters.AddWithValue("$run", record.RunId);
            command.Parameters.AddWithValue("$name", record.Name);
            command.Parameters.AddWithValue("$status", record.Status.ToString());
            command.Parameters.AddWithValue("$aborted", (object?)record.AbortedBy ?? DBNull.Value);
            command.Parameters.AddWithValue("$nodes", record.Nodes);
            command.Parameters.AddWithValue("$unsuccessful", record.Unsuccessful);
            command.Parameters.AddWithValue("$started", record.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$ticks", record.StartedAt.UtcTicks);
            command.Parameters.AddWithValue("$elapsed", record.Elapsed.TotalMilliseconds);
            command.Parameters.AddWithValue("$recovered", record.Recovered);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NodeHistoryRecord>> QueryAsync(NodeHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using SqliteCommand command = _connection.CreateCommand();
        string where = Where(command, HistoryCondition.Of(query));
        command.Parameters.AddWithValue("$limit", Math.Max(0, query.Limit));
        command.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
        command.CommandText = $"{HistorySchema.SelectNodeRecords} {where} ORDER BY started_ticks DESC, id DESC LIMIT $limit OFFSET $offset";
        return await ReadNodeRecordsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NodeHistoryRecord>> RunNodesAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = $"{HistorySchema.SelectNodeRecords} WHERE run_id = $run ORDER BY id";
        command.Parameters.AddWithValue("$run", runId);
        return await ReadNodeRecordsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunHistoryRecord>> RunsAsync(RunHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using SqliteCommand command = _connection.CreateCommand();
        string where = Where(command, HistoryCondition.Of(query));
        command.Parameters.AddWithValue("$limit", Math.Max(0, query.Limit));
        command.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
        command.CommandText = $"{HistorySchema.SelectRuns} {where} ORDER BY started_ticks DESC, run_id DESC LIMIT $limit OFFSET $offset";
        return await ReadRunsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs that started in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public async Task<IReadOnlyList<RunHistoryRecord>> RunsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = $"{HistorySchema.SelectRuns} WHERE started_ticks >= $from AND started_ticks < $to ORDER BY started_ticks, run_id";
        command.Parameters.AddWithValue("$from", from.UtcTicks);
        command.Parameters.AddWithValue("$to", to.UtcTicks);
        return await ReadRunsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<HistoryPurgeResult> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using SqliteTransaction transaction = _connection.BeginTransaction();
            long nodes = await DeleteOlderAsync("node_records").ConfigureAwait(false);
            long runs = await DeleteOlderAsync("runs").ConfigureAwait(false);
            transaction.Commit();
            return new HistoryPurgeResult(nodes, runs);

            async Task<long> DeleteOlderAsync(string table)
            {
                using SqliteCommand command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"DELETE FROM {table} WHERE started_ticks < $before";
                command.Parameters.AddWithValue("$before", olderThan.UtcTicks);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    // A query's conditions in this store's columns, times as UTC ticks (what the indexes hold).
    private static string Where(SqliteCommand command, List<HistoryCondition> conditions)
    {
        var sql = new List<string>(conditions.Count);
        for (int i = 0; i < conditions.Count; i++)
        {
            HistoryCondition condition = conditions[i];
            string parameter = "$c" + i.ToString(CultureInfo.InvariantCulture);
            sql.Add($"{Column(condition.Field)} {condition.Operator} {parameter}");
            command.Parameters.AddWithValue(parameter, condition.Value is DateTimeOffset at ? at.UtcTicks : condition.Value);
        }

        return sql.Count > 0 ? "WHERE " + string.Join(" AND ", sql) : string.Empty;
    }

    private static string Column(HistoryField field) => field switch
    {
        HistoryField.StartedAt => "started_ticks",
        HistoryField.NodeName => "node",
        HistoryField.RunId => "run_id",
        HistoryField.Outcome => "outcome",
        HistoryField.RunName => "name",
        HistoryField.RunStatus => "status",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No column for this field."),
    };

    private async Task<IReadOnlyList<RunHistoryRecord>> ReadRunsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var runs = new List<RunHistoryRecord>();
            using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                runs.Add(HistoryRows.Run(reader, DateTimeOffset.Parse(reader.GetString(HistoryRows.RunStartedAt), CultureInfo.InvariantCulture)));
            }

            return runs;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<NodeHistoryRecord>> ReadNodeRecordsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var records = new List<NodeHistoryRecord>();
            using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                records.Add(HistoryRows.Node(reader, DateTimeOffset.Parse(reader.GetString(HistoryRows.NodeStartedAt), CultureInfo.InvariantCulture)));
            }

            return records;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Execute(string sql)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
