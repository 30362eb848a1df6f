namespace SdkNodes.Tool.Studio;

/// <summary>
/// The history the studio writes its tests to and shows on the History page: a SQLite file or a
/// PostgreSQL database (<c>--history</c>, see <see cref="HistoryLocation"/>), or this session's
/// records in memory.
/// </summary>
internal abstract class StudioHistory : IDisposable
{
    /// <summary>The sink the studio's runtime writes to.</summary>
    public abstract INodeHistorySink Sink { get; }

    /// <summary>Where the records come from, for the page to say.</summary>
    public abstract string Source { get; }

    /// <summary>Runs that started in [from, to), newest first, at most <paramref name="limit"/>.</summary>
    public abstract Task<IReadOnlyList<RunHistoryRecord>> RunsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken);

    /// <summary>One run's node records, in the order they were written.</summary>
    public abstract Task<IReadOnlyList<NodeHistoryRecord>> RunNodesAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Records sent outside any run (tests, single sends) that started in [from, to), newest first.</summary>
    public abstract Task<IReadOnlyList<NodeHistoryRecord>> SingleSendsAsync(DateTimeOffset from, DateTimeOffset to, string? node, int limit, CancellationToken cancellationToken);

    public virtual void Dispose()
    {
    }

    public static StudioHistory Open(string? history)
    {
        if (history is null)
        {
            return new SessionHistory();
        }

        if (HistoryLocation.IsPostgreSql(history))
        {
            string connectionString = HistoryLocation.ToConnectionString(history);
            return new StoreStudioHistory(new SdkNodes.PostgreSql.PostgreSqlHistorySink(connectionString), HistoryLocation.Describe(connectionString));
        }

        return new StoreStudioHistory(new SdkNodes.Sqlite.SqliteHistorySink(history), Path.GetFullPath(history));
    }
}
