using System;

namespace SdkNodes.PostgreSql;

/// <summary>How <see cref="PostgreSqlHistorySink"/> batches and retries its writes.</summary>
public sealed class PostgreSqlHistorySinkOptions
{
    /// <summary>
    /// The most records committed in one transaction. Default: 256. Larger batches cost fewer
    /// commits under load; a batch never waits to fill (see <see cref="FlushInterval"/>).
    /// </summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// The most records waiting to be written. Default: 4,096. When it is full,
    /// <c>WriteAsync</c> waits for room (back-pressure) instead of holding more in memory: a
    /// database that falls behind slows the senders down rather than growing the queue.
    /// </summary>
    public int QueueCapacity { get; set; } = 4_096;

    /// <summary>
    /// How long the writer waits for more records after the first of a batch before committing a
    /// batch that is not full. Default: zero. Records that arrive while a batch commits already
    /// share the next one (group commit), and every <c>SendAsync</c> waits for its record's
    /// commit, so any wait here is added to each call; raise it only to trade latency for fewer
    /// commits.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How many times a batch whose commit failed (connection lost, server restarting) is tried
    /// again before its writers are failed. Default: 3. A retry cannot duplicate a record: each has
    /// its own id and a second insert of it does nothing.
    /// </summary>
    public int WriteRetries { get; set; } = 3;

    /// <summary>
    /// The wait before the first retry; each further retry waits twice as long as the one before.
    /// Default: 200 ms (so 200, 400, 800 ms: a failing database fails its writers after about
    /// 1.4 s plus the connection attempts).
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The clock for <see cref="FlushInterval"/> and <see cref="RetryDelay"/>. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(FlushInterval, TimeSpan.Zero, nameof(FlushInterval));
        ArgumentOutOfRangeException.ThrowIfNegative(WriteRetries, nameof(WriteRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
