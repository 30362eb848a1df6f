using System;
using System.Collections.Generic;

namespace SdkNodes;

/// <summary>What the Test API reports for one test of a node.</summary>
public sealed record TestReport
{
    /// <summary>The node's name.</summary>
    public required string NodeName { get; init; }

    /// <summary>When the request was sent (or refused, when a value did not parse).</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>False when a value did not parse, so nothing was sent.</summary>
    public bool WasSent { get; init; } = true;

    /// <summary>How it ended.</summary>
    public required NodeOutcome Outcome { get; init; }

    /// <summary>The status code, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Seconds taken, rounded to two decimals.</summary>
    public double Seconds { get; init; }

    /// <summary>
    /// The response body, pretty-printed when it is JSON; null for HEAD, when no response arrived,
    /// and for a binary body (see <see cref="ContentType"/> and <see cref="ContentLength"/>).
    /// </summary>
    public string? Body { get; init; }

    /// <summary>The response's media type (<see cref="NodeResult.ContentType"/>), e.g. <c>image/png</c>; null when none was sent.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body's size in bytes (<see cref="NodeResult.ContentLength"/>); null for HEAD or when no body was read.</summary>
    public long? ContentLength { get; init; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Each attempt made, in order (see <see cref="NodeResult.Attempts"/>): one without retries,
    /// none when nothing was sent. <see cref="StatusCode"/>, <see cref="Body"/> and <see cref="Error"/> are the last attempt's.
    /// </summary>
    public IReadOnlyList<NodeAttempt> Attempts { get; init; } = [];

    /// <summary>The request that was sent (method, URL and headers, secrets redacted); null when nothing was sent.</summary>
    public TestRequest? Request { get; init; }

    /// <summary>Why it failed, or null.</summary>
    public NodeError? Error { get; init; }

    /// <summary>The values the node was built from (secrets shown as <c>***</c>).</summary>
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();
}
