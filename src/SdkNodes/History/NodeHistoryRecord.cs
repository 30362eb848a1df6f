using System;
using System.Collections.Generic;

namespace SdkNodes;

/// <summary>
/// One execution of one node, as the run history keeps it. Secrets are already redacted:
/// <see cref="SecretAttribute"/> values in the URL and sensitive header values read <c>***</c>.
/// </summary>
public sealed record NodeHistoryRecord
{
    /// <summary>The node's name.</summary>
    public required string NodeName { get; init; }

    /// <summary>The workflow run this execution belongs to, or null for a node sent on its own.</summary>
    public string? RunId { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The request URL with secrets redacted.</summary>
    public required string Url { get; init; }

    /// <summary>The request headers with sensitive values redacted.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];

    /// <summary>The response status code, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>How the execution ended.</summary>
    public required NodeOutcome Outcome { get; init; }

    /// <summary>The kind of failure, or null on success.</summary>
    public NodeErrorKind? ErrorKind { get; init; }

    /// <summary>The readable error message, or null on success.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When the execution started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>How many attempts were made: 1 without retries, 0 when nothing was sent (not executed, invalid input).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// Each attempt, in order (number, start, seconds, status, error kind and message, the delay
    /// before it), when there was more than one; empty otherwise, because a single attempt is the
    /// record itself (its status, error and elapsed time), and history on every execution should not pay for a copy.
    /// </summary>
    public IReadOnlyList<NodeAttempt> AttemptLog { get; init; } = [];

    /// <summary>
    /// The size of the response body in bytes (<see cref="NodeResult.ContentLength"/>): the bytes
    /// read for a body the runtime read whole. A <c>Stream</c> body is still unread when the record
    /// is written (as the execution returns), so its record holds the Content-Length the server
    /// declared, not what the caller went on to read; null when it declared none. Null as well
    /// when no body was read (HEAD, no response, a body over the limit).
    /// </summary>
    public long? ResponseBytes { get; init; }
}
