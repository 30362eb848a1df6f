using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// A durable run history that can be read back as well as written: what the SQLite store
/// (SdkNodes.Sqlite) and the PostgreSQL store (SdkNodes.PostgreSql) share, so a tool such as the
/// studio reads either. Every store passes the same contract tests.
/// </summary>
public interface INodeHistoryStore : INodeHistorySink
{
    /// <summary>
    /// Node records matching <paramref name="query"/>, newest first (start time, then the order
    /// written), one page: <see cref="NodeHistoryQuery.Offset"/> skipped, at most
    /// <see cref="NodeHistoryQuery.Limit"/>.
    /// </summary>
    Task<IReadOnlyList<NodeHistoryRecord>> QueryAsync(NodeHistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>One run's node records, in the order they were written.</summary>
    Task<IReadOnlyList<NodeHistoryRecord>> RunNodesAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Runs matching <paramref name="query"/>, newest first, one page.</summary>
    Task<IReadOnlyList<RunHistoryRecord>> RunsAsync(RunHistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Retention: deletes the node records and runs that started before
    /// <paramref name="olderThan"/>, and says how many of each went.
    /// </summary>
    Task<HistoryPurgeResult> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}
