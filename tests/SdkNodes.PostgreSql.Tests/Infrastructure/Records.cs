namespace SdkNodes.PostgreSql.Tests;

/// <summary>History records for the tests, at whole milliseconds (PostgreSQL keeps microseconds, SQLite ticks).</summary>
internal static class Records
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static NodeHistoryRecord Node(
        string node = "FindPlace",
        string? runId = null,
        NodeOutcome outcome = NodeOutcome.Succeeded,
        DateTimeOffset? startedAt = null,
        int attempts = 1) => new()
        {
            NodeName = node,
            RunId = runId,
            Method = "GET",
            Url = "https://api.example.com/places?key=***",
            RequestHeaders = [new("Accept", "application/json"), new("Authorization", "***")],
            StatusCode = outcome == NodeOutcome.Succeeded ? 200 : outcome == NodeOutcome.Failed ? 503 : null,
            Outcome = outcome,
            ErrorKind = outcome == NodeOutcome.Succeeded ? null : outcome == NodeOutcome.Failed ? NodeErrorKind.Status : NodeErrorKind.Timeout,
            ErrorMessage = outcome == NodeOutcome.Succeeded ? null : "The service is unavailable",
            StartedAt = startedAt ?? Noon,
            Elapsed = TimeSpan.FromMilliseconds(125.5),
            Attempts = attempts,
            ResponseBytes = outcome == NodeOutcome.Succeeded ? 512 : null,
        };

    public static RunHistoryRecord Run(
        string runId,
        string name = "purchase-approved",
        RunStatus status = RunStatus.Completed,
        DateTimeOffset? startedAt = null,
        bool recovered = false,
        int nodes = 3) => new()
        {
            RunId = runId,
            Name = name,
            Status = status,
            AbortedBy = status == RunStatus.Aborted ? "FindPlace" : null,
            Nodes = nodes,
            Unsuccessful = status == RunStatus.Completed ? 0 : 1,
            StartedAt = startedAt ?? Noon,
            Elapsed = TimeSpan.FromMilliseconds(750.25),
            Recovered = recovered,
        };
}
