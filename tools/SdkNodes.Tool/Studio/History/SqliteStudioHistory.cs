using SdkNodes.Sqlite;

namespace SdkNodes.Tool.Studio;

/// <summary>A SQLite history file (<c>--history</c>): read for the History page, and this session's tests added to it.</summary>
internal sealed class SqliteStudioHistory(string path) : StudioHistory
{
    private readonly SqliteHistorySink _sink = new(path);

    public override INodeHistorySink Sink => _sink;

    public override string Source => Path.GetFullPath(path);

    public override async Task<IReadOnlyList<RunHistoryRecord>> RunsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
        => [.. (await _sink.RunsAsync(from, to, cancellationToken)).Reverse().Take(limit)];

    public override Task<IReadOnlyList<NodeHistoryRecord>> RunNodesAsync(string runId, CancellationToken cancellationToken)
        => _sink.RunNodesAsync(runId, cancellationToken);

    public override async Task<IReadOnlyList<NodeHistoryRecord>> SingleSendsAsync(DateTimeOffset from, DateTimeOffset to, string? node, int limit, CancellationToken cancellationToken)
    {
        // The store filters by time and node; records of runs are shown under their runs.
        IReadOnlyList<NodeHistoryRecord> records = await _sink.QueryAsync(new NodeHistoryQuery { From = from, To = to, NodeName = node, Limit = 1_000 }, cancellationToken);
        return [.. records.Where(r => r.RunId is null).Take(limit)];
    }

    public override void Dispose() => _sink.Dispose();
}
