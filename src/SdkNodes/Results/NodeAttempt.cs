using System;

namespace SdkNodes;

/// <summary>One attempt of a node's execution: what was sent once, and how it ended.</summary>
public sealed record NodeAttempt
{
    /// <summary>The attempt's number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>When the attempt started (after its delay).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long the attempt took.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The status code, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The kind of failure, or null when the attempt succeeded.</summary>
    public NodeErrorKind? ErrorKind { get; init; }

    /// <summary>The readable error message, or null when the attempt succeeded.</summary>
    public string? Message { get; init; }

    /// <summary>How long the runtime waited before this attempt (zero for the first).</summary>
    public TimeSpan Delay { get; init; }
}
