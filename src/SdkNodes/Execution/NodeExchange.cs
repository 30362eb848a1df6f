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

    /// <summary>The body as text, when it has been decoded (or was never UTF-8); see <see cref="RawBodyUtf8"/>.</summary>
    public string? RawBody { get; set; }

    /// <summary>
    /// The UTF-8 body (without a BOM) that <see cref="RawBody"/> decodes from on first use, so a
    /// caller that never reads the text pays no string for it.
    /// </summary>
    /// <remarks>What <see cref="KeptBody.Keep"/> gave: one array, or chunks for a large body.</remarks>
    public object? RawBodyUtf8 { get; set; }

    /// <summary>The body as text, decoded now if it was kept as UTF-8 bytes.</summary>
    public string? GetRawBody() => RawBody ??= KeptBody.Decode(RawBodyUtf8);

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
