using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace SdkNodes.PostgreSql;

// The read side of INodeHistoryStore: the same queries as the SQLite store.
public sealed partial class PostgreSqlHistorySink
{
    // Both selects list their columns in the order HistoryRows reads them.
    private const string SelectNodeRecords = """
        SELECT run_id, node, method, url, request_headers::text, status_code, outcome, error_kind, error_message, started_at, elapsed_ms, attempts, response_bytes, attempt_log::text FROM sdknodes_node_records
        """;

    private const string SelectRuns = """
        SELECT run_id, name, status, aborted_by, nodes, unsuccessful, started_at, elapsed_ms, recovered FROM sdknodes_runs
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<NodeHistoryRecord>> QueryAsync(NodeHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using NpgsqlCommand command = _dataSource.CreateCommand();
        string where = Where(command, HistoryCondition.Of(query));
        command.Parameters.AddWithValue("limit", Math.Max(0, query.Limit));
        command.Parameters.AddWithValue("offset", Math.Max(0, query.Offset));
        command.CommandText = $"{SelectNodeRecords} {where} ORDER BY started_at DESC, seq DESC LIMIT @limit OFFSET @offset";
        return await ReadNodeRecordsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NodeHistoryRecord>> RunNodesAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using NpgsqlCommand command = _dataSource.CreateCommand($"{SelectNodeRecords} WHERE run_id = @run ORDER BY seq");
        command.Parameters.AddWithValue("run", runId);
        return await ReadNodeRecordsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunHistoryRecord>> RunsAsync(RunHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using NpgsqlCommand command = _dataSource.CreateCommand();
        string where = Where(command, HistoryCondition.Of(query));
        command.Parameters.AddWithValue("limit", Math.Max(0, query.Limit));
        command.Parameters.AddWithValue("offset", Math.Max(0, query.Offset));
        command.CommandText = $"{SelectRuns} {where} ORDER BY started_at DESC, run_id DESC LIMIT @limit OFFSET @offset";
        return await ReadRunsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs that started in [<paramref name="from"/>, <paramref name="to"/>), oldest first (as the SQLite store's method of the same name).</summary>
    public async Task<IReadOnlyList<RunHistoryRecord>> RunsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand($"{SelectRuns} WHERE started_at >= @from AND started_at < @to ORDER BY started_at, run_id");
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        return await ReadRunsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<HistoryPurgeResult> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long nodes = await DeleteOlderAsync("sdknodes_node_records").ConfigureAwait(false);
        long runs = await DeleteOlderAsync("sdknodes_runs").ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new HistoryPurgeResult(nodes, runs);

        async Task<long> DeleteOlderAsync(string table)
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE started_at < @before", connection, transaction);
            command.Parameters.AddWithValue("before", olderThan.ToUniversalTime());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // A query's conditions in this store's columns, times as timestamptz (UTC).
    private static string Where(NpgsqlCommand command, List<HistoryCondition> conditions)
    {
        var sql = new List<string>(conditions.Count);
        for (int i = 0; i < conditions.Count; i++)
        {
            HistoryCondition condition = conditions[i];
            string parameter = "c" + i.ToString(CultureInfo.InvariantCulture);
            sql.Add($"{Column(condition.Field)} {condition.Operator} @{parameter}");
            command.Parameters.AddWithValue(parameter, condition.Value is DateTimeOffset at ? at.ToUniversalTime() : condition.Value);
        }

        return sql.Count > 0 ? "WHERE " + string.Join(" AND ", sql) : string.Empty;
    }

    private static string Column(HistoryField field) => field switch
    {
        HistoryField.StartedAt => "started_at",
        HistoryField.NodeName => "node",
        HistoryField.RunId => "run_id",
        HistoryField.Outcome => "outcome",
        HistoryField.RunName => "name",
        HistoryField.RunStatus => "status",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No column for this field."),
    };

    private static async Task<IReadOnlyList<NodeHistoryRecord>> ReadNodeRecordsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<NodeHistoryRecord>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(HistoryRows.Node(reader, reader.GetFieldValue<DateTimeOffset>(HistoryRows.NodeStartedAt)));
        }

        return records;
    }

    private static async Task<IReadOnlyList<RunHistoryRecord>> ReadRunsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var runs = new List<RunHistoryRecord>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(HistoryRows.Run(reader, reader.GetFieldValue<DateTimeOffset>(HistoryRows.RunStartedAt)));
        }

        return runs;
    }
}
