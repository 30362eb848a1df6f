using System;

namespace SdkNodes;

/// <summary>
/// Which workflow runs <see cref="INodeHistoryStore.RunsAsync(RunHistoryQuery, System.Threading.CancellationToken)"/>
/// reads; every filter is optional and they combine. Results come newest first (by start time,
/// then run id), paged like <see cref="NodeHistoryQuery"/>: skip <see cref="Offset"/>, take
/// <see cref="Limit"/>.
/// </summary>
public sealed record RunHistoryQuery
{
    /// <summary>Runs that started at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Runs that started before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only runs with this name.</summary>
    public string? Name { get; init; }

    /// <summary>Only runs that ended this way.</summary>
    public RunStatus? Status { get; init; }

    /// <summary>At most this many, newest first. Default: 1,000.</summary>
    public int Limit { get; init; } = 1_000;

    /// <summary>How many matching runs to skip before the page starts. Default: 0.</summary>
    public int Offset { get; init; }
}
