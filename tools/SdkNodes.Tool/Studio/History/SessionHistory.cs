namespace SdkNodes.Tool.Studio;

/// <summary>This session's history, in memory: what the studio has sent since it started.</summary>
internal sealed class SessionHistory : StudioHistory
{
    private readonly InMemoryHistorySink _sink = new();

    public override INodeHistorySink Sink => _sink;

    public override string Source => "this session (in memory; start the studio with --history FILE.db to keep it)";

    public override Task<IReadOnlyList<RunHistoryRecord>> RunsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<RunHistoryRecord>>([.. _sink.Runs.Where(r => r.StartedAt >= from && r.StartedAt < to).Reverse().Take(limit)]);

    public override Task<IReadOnlyList<NodeHistoryRecord>> RunNodesAsync(string runId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<NodeHistoryRecord>>([.. _sink.Records.Where(r => r.RunId == runId)]);

    public override Task<IReadOnlyList<NodeHistoryRecord>> SingleSendsAsync(DateTimeOffset from, DateTimeOffset to, string? node, int limit, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<NodeHistoryRecord>>([.. _sink.Records
            .Where(r => r.RunId is null && r.StartedAt >= from && r.StartedAt < to && (node is null || r.NodeName == node))
            .Reverse()
            .Take(limit)]);
}
