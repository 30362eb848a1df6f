using SdkNodes.Tool.Studio;

namespace SdkNodes.Studio.Tests.Studio;

/// <summary>The studio's in-memory history (no --history): what its History page reads.</summary>
public sealed class SessionHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static NodeHistoryRecord Record(string node, int minute, string? runId = null) => new()
    {
        NodeName = node,
        RunId = runId,
        Method = "GET",
        Url = "http://127.0.0.1/x",
        Outcome = NodeOutcome.Succeeded,
        StartedAt = Start.AddMinutes(minute),
        Elapsed = TimeSpan.FromSeconds(0.1),
    };

    private static RunHistoryRecord Run(string id, int minute) => new()
    {
        RunId = id,
        Name = "run-" + id,
        Status = RunStatus.Completed,
        StartedAt = Start.AddMinutes(minute),
        Elapsed = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Runs_AreNewestFirst_WithinTheRange_AndTheirNodesInOrder()
    {
        using var history = new SessionHistory();
        await history.Sink.WriteAsync(Record("A", 1, "r1"), TestContext.Current.CancellationToken);
        await history.Sink.WriteAsync(Record("B", 2, "r1"), TestContext.Current.CancellationToken);
        await history.Sink.WriteRunAsync(Run("r1", 1), TestContext.Current.CancellationToken);
        await history.Sink.WriteRunAsync(Run("r2", 5), TestContext.Current.CancellationToken);
        await history.Sink.WriteRunAsync(Run("r3", 9), TestContext.Current.CancellationToken);

        IReadOnlyList<RunHistoryRecord> runs = await history.RunsAsync(Start, Start.AddMinutes(9), limit: 10, TestContext.Current.CancellationToken);
        IReadOnlyList<NodeHistoryRecord> nodes = await history.RunNodesAsync("r1", TestContext.Current.CancellationToken);

        Assert.Equal(["r2", "r1"], runs.Select(r => r.RunId));
        Assert.Equal(["A", "B"], nodes.Select(r => r.NodeName));
    }

    [Fact]
    public async Task SingleSends_LeaveOutRunsNodes_AndFilterByNodeAndTime_NewestFirst()
    {
        using var history = new SessionHistory();
        foreach (NodeHistoryRecord record in new[] { Record("A", 1), Record("A", 2, "r1"), Record("B", 3), Record("A", 4), Record("A", 20) })
        {
            await history.Sink.WriteAsync(record, TestContext.Current.CancellationToken);
        }

        IReadOnlyList<NodeHistoryRecord> singles = await history.SingleSendsAsync(Start, Start.AddMinutes(10), "A", limit: 10, TestContext.Current.CancellationToken);

        Assert.Equal([Start.AddMinutes(4), Start.AddMinutes(1)], singles.Select(r => r.StartedAt));
    }
}
