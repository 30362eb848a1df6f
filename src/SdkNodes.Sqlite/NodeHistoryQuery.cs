using System;

namespace SdkNodes.Sqlite;

/// <summary>Which node records to read; every filter is optional and they combine.</summary>
public sealed record NodeHistoryQuery
{
    /// <summary>Records that started at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Records that started before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only this node's records.</summary>
    public string? NodeName { get; init; }

    /// <summary>Only records that did not succeed.</summary>
    public bool FailuresOnly { get; init; }

    /// <summary>At most this many, newest first. Default: 1,000.</summary>
    public int Limit { get; init; } = 1_000;
}
