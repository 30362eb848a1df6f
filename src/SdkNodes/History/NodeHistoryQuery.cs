using System;

namespace SdkNodes;

/// <summary>
/// Which node records <see cref="INodeHistoryStore.QueryAsync"/> reads; every filter is optional
/// and they combine. Results come newest first (by start time, then by the order they were
/// written), one page at a time: <see cref="Offset"/> skips that many matches, <see cref="Limit"/>
/// caps the page. Offset paging is simple and good for a screen of history; records written while
/// a reader pages move the later pages along, so a reader that must see each record exactly once
/// narrows <see cref="To"/> to a time before its first page instead.
/// </summary>
public sealed record NodeHistoryQuery
{
    /// <summary>Records that started at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Records that started before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only this node's records.</summary>
    public string? NodeName { get; init; }

    /// <summary>Only the records of this workflow run.</summary>
    public string? RunId { get; init; }

    /// <summary>Only records that ended this way.</summary>
    public NodeOutcome? Outcome { get; init; }

    /// <summary>Only records that did not succeed (any outcome but <see cref="NodeOutcome.Succeeded"/>).</summary>
    public bool FailuresOnly { get; init; }

    /// <summary>At most this many, newest first. Default: 1,000.</summary>
    public int Limit { get; init; } = 1_000;

    /// <summary>How many matching records to skip before the page starts. Default: 0.</summary>
    public int Offset { get; init; }
}
