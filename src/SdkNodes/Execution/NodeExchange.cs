using System;
using System.Collections.Generic;

namespace SdkNodes;

/// <summary>What one execution gathered; becomes a <see cref="NodeResult{T}"/> and a history record.</summary>
internal sealed class NodeExchange
{
    private static readonly IReadOnlyDictionary<string, string> s_noHeaders =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public required string NodeName { get; init; }

    public NodeOutcome Outcome { get; set; } = NodeOutcome.Failed;

    public int? StatusCode { get; set; }

    public string? RawBody { get; set; }

    public IReadOnlyDictionary<string, string> Headers { get; set; } = s_noHeaders;

    public DateTimeOffset StartedAt { get; init; }

    public TimeSpan Elapsed { get; set; }

    public NodeError? Error { get; private set; }

    public void Fail(NodeError error)
    {
        Error = error;
        Outcome = error.Kind switch
        {
            NodeErrorKind.Timeout => NodeOutcome.TimedOut,
            NodeErrorKind.Cancelled => NodeOutcome.Cancelled,
            NodeErrorKind.RunAborted => NodeOutcome.NotExecuted,
            NodeErrorKind.SkippedInput => NodeOutcome.Skipped,
            _ => NodeOutcome.Failed,
        };
    }
}
