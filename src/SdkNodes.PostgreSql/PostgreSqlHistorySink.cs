using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace SdkNodes.PostgreSql;

/// <summary>
/// Keeps the run history of many workers in one PostgreSQL database. The tables are created or
/// migrated when the sink is made. Writes leave the request path: <see cref="WriteAsync"/> puts
/// the record in a bounded queue, one background writer commits queued records in batches (one
/// transaction each), and the call completes when the batch holding its record is committed, so
/// every acknowledged record is durable. A full queue makes writers wait (back-pressure). Each
/// record has its own id and is inserted only if new, so a retried batch never duplicates one; a
/// run is one row however often it is written, and a recovered run's row wins. Thread-safe;
/// dispose it to commit what is still queued.
/// </summary>
public sealed partial class PostgreSqlHistorySink : INodeHistoryStore, IAsyncDisposable, IDisposable
{
    private const string InsertNode = """
        INSERT INTO sdknodes_node_records (id, run_id, node, method, url, request_headers, status_code, outcome, error_kind, error_message, started_at, elapsed_ms, attempts, response_bytes, attempt_log)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        ON CONFLICT (id) DO NOTHING
        """;

    // A run completed twice (by a worker that died just after, and by the worker that recovered
    // it) stays one row; the later write replaces the earlier unless only the earlier is recovered.
    private const string UpsertRun = """
        INSERT INTO sdknodes_runs (run_id, name, status, aborted_by, nodes, unsuccessful, started_at, elapsed_ms, recovered)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (run_id) DO UPDATE SET
            name = excluded.name, status = excluded.status, aborted_by = excluded.aborted_by, nodes = excluded.nodes,
            unsuccessful = excluded.unsuccessful, started_at = excluded.started_at, elapsed_ms = excluded.elapsed_ms,
            recovered = excluded.recovered
        WHERE excluded.recovered OR NOT sdknodes_runs.recovered
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlHistorySinkOptions _options;
    private readonly Channel<PendingWrite> _queue;
    private readonly Task _writer;
    private readonly string _storeName;
    private int _disposed;

    /// <summary>Opens the history in the database <paramref name="connectionString"/> names, with the default <see cref="PostgreSqlHistorySinkOptions"/>.</summary>
    public PostgreSqlHistorySink(string connectionString)
        : this(connectionString, new PostgreSqlHistorySinkOptions())
    {
    }

    /// <summary>
    /// Opens the history in the database <paramref name="connectionString"/> names, creating or
    /// migrating its tables, and starts the background writer.
    /// </summary>
    public PostgreSqlHistorySink(string connectionString, PostgreSqlHistorySinkOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Only where the store is: the password and the rest of the string stay out of messages.
        _storeName = $"PostgreSQL history store (Host={builder.Host}; Port={builder.Port}; Database={builder.Database})";
        _dataSource = new NpgsqlSlimDataSourceBuilder(connectionString).Build();
        try
        {
            PostgreSqlHistorySchema.Apply(_dataSource);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            _dataSource.Dispose();
            throw new PostgreSqlHistoryException($"{_storeName}: could not create or migrate the history tables: {ex.Message}", ex);
        }

        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>How many records wait in the queue (not those in the batch being committed).</summary>
    internal int Queued => _queue.Reader.Count;

    /// <summary>
    /// Queues the record and completes when the batch holding it is committed. Waits for room
    /// while the queue is full. Fails with <see cref="PostgreSqlHistoryException"/> when the batch
    /// could not be committed after <see cref="PostgreSqlHistorySinkOptions.WriteRetries"/>
    /// retries. Cancelling stops the wait; a record already queued is still written.
    /// </summary>
    public ValueTask WriteAsync(NodeHistoryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return EnqueueAsync(PendingWrite.ForNode(record), cancellationToken);
    }

    /// <summary>Queues the run like <see cref="WriteAsync"/>; a run already stored is replaced, unless only the stored one is recovered.</summary>
    public ValueTask WriteRunAsync(RunHistoryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return EnqueueAsync(PendingWrite.ForRun(record), cancellationToken);
    }

    /// <summary>Stops taking records, commits what is queued, and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async ValueTask EnqueueAsync(PendingWrite pending, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(PostgreSqlHistorySink), $"{_storeName} is disposed: the record was not written.");
        }

        await pending.Committed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // The one writer: takes what is queued (up to a batch), commits it, and tells its writers.
    // Records queued while a batch commits form the next one, so concurrent senders share commits.
    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(_options.BatchSize);
        ChannelReader<PendingWrite> reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            Drain(reader, batch);
            if (batch.Count < _options.BatchSize && _options.FlushInterval > TimeSpan.Zero)
            {
                await Task.Delay(_options.FlushInterval, _options.TimeProvider).ConfigureAwait(false);
                Drain(reader, batch);
            }

            await CommitWithRetriesAsync(batch).ConfigureAwait(false);
        }
    }

    private void Drain(ChannelReader<PendingWrite> reader, List<PendingWrite> batch)
    {
        while (batch.Count < _options.BatchSize && reader.TryRead(out PendingWrite? pending))
        {
            batch.Add(pending);
        }
    }

    private async Task CommitWithRetriesAsync(List<PendingWrite> batch)
    {
        TimeSpan delay = _options.RetryDelay;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
                foreach (PendingWrite pending in batch)
                {
                    pending.Committed.TrySetResult();
                }

                return;
            }
            catch (Exception ex) when (attempt < _options.WriteRetries && ex is NpgsqlException or TimeoutException)
            {
                // The inserts are idempotent, so trying the whole batch again is safe even when
                // the failure hid a commit that went through.
                await Task.Delay(delay, _options.TimeProvider).ConfigureAwait(false);
                delay *= 2;
            }
            catch (Exception ex)
            {
                var failure = new PostgreSqlHistoryException(
                    $"{_storeName}: could not write {batch.Count} history record(s) after {attempt + 1} attempt(s); they are not stored: {ex.Message}", ex);
                foreach (PendingWrite pending in batch)
                {
                    pending.Committed.TrySetException(failure);
                }

                return;
            }
        }
    }

    // Internal for the test that commits one batch twice, as a retry after a lost acknowledgement would.
    internal async Task CommitAsync(IReadOnlyList<PendingWrite> batch)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var commands = new NpgsqlBatch(connection, transaction);
        foreach (PendingWrite pending in batch)
        {
            commands.BatchCommands.Add(pending.Node is { } node ? NodeInsert(pending.Id, node) : RunUpsert(pending.Run!));
        }

        await commands.ExecuteNonQueryAsync().ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand NodeInsert(Guid id, NodeHistoryRecord record) => new(InsertNode)
    {
        Parameters =
        {
            new() { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid },
            new() { Value = (object?)record.RunId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = record.NodeName, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = record.Method, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = record.Url, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = HistoryRows.HeadersJson(record.RequestHeaders), NpgsqlDbType = NpgsqlDbType.Jsonb },
            new() { Value = (object?)record.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer },
            new() { Value = record.Outcome.ToString(), NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = (object?)record.ErrorKind?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = (object?)record.ErrorMessage ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = record.StartedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new() { Value = record.Elapsed.TotalMilliseconds, NpgsqlDbType = NpgsqlDbType.Double },
            new() { Value = record.Attempts, NpgsqlDbType = NpgsqlDbType.Integer },
            new() { Value = (object?)record.ResponseBytes ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
            new() { Value = HistoryRows.AttemptLogJson(record.AttemptLog), NpgsqlDbType = NpgsqlDbType.Jsonb },
        },
    };

    private static NpgsqlBatchCommand RunUpsert(RunHistoryRecord record) => new(UpsertRun)
    {
        Parameters =
        {
            new() { Value = record.RunId, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = record.Name, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = record.Status.ToString(), NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = (object?)record.AbortedBy ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = record.Nodes, NpgsqlDbType = NpgsqlDbType.Integer },
            new() { Value = record.Unsuccessful, NpgsqlDbType = NpgsqlDbType.Integer },
            new() { Value = record.StartedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new() { Value = record.Elapsed.TotalMilliseconds, NpgsqlDbType = NpgsqlDbType.Double },
            new() { Value = record.Recovered, NpgsqlDbType = NpgsqlDbType.Boolean },
        },
    };
}
