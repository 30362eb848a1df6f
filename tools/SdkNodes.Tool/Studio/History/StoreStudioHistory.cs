namespace SdkNodes.Tool.Studio;

/// <summary>
/// A durable history (<c>--history</c>: a SQLite file or a PostgreSQL database), read through
/// <see cref="INodeHistoryStore"/> for the History page, with this session's tests added to it.
/// </summary>
internal sealed class StoreStudioHistory(INodeHistoryStore store, string source) : StudioHistory
{
    // Single sends are found among the newest records of every kind; records of runs are shown under their runs.
    private const int SingleSendsScanned = 1_000;

    public override INodeHistorySink Sink => store;

    public override string Source => source;

    public override Task<IReadOnlyList<RunHistoryRecord>> RunsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
        => store.RunsAsync(new RunHistoryQuery { From = from, To = to, Limit = limit }, cancellationToken);

    public override Task<IReadOnlyList<NodeHistoryRecord>> RunNodesAsync(string runId, CancellationToken cancellationToken)
        => store.RunNodesAsync(runId, cancellationToken);

    public override async Task<IReadOnlyList<NodeHistoryRecord>> SingleSendsAsync(DateTimeOffset from, DateTimeOffset to, string? node, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<NodeHistoryRecord> records = await store.QueryAsync(new NodeHistoryQuery { From = from, To = to, NodeName = node, Limit = SingleSendsScanned }, cancellationToken);
        return [.. records.Where(r => r.RunId is null).Take(limit)];
    }

    // Disposing the PostgreSQL store commits the tests still queued.
    public override void Dispose() => (store as IDisposable)?.Dispose();
}
