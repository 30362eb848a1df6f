using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// What one kind of node sends, for the runtime's single execution shell
/// (<see cref="NodeRuntime"/>.ExecuteAsync). The shell owns every rule around the exchange —
/// timeout, resilience, history, telemetry, continue-or-abort — and calls the exchange once per
/// attempt, the way a Polly strategy calls its callback. Two kinds: a generated node's request
/// (<c>GeneratedExchange</c>) and a call made by another client (<c>ExternalExchange</c>).
/// </summary>
internal interface INodeExchange<T>
{
    /// <summary>Before any attempt: what every attempt sends, or a failure (invalid input) when nothing can be.</summary>
    /// <param name="result">Where an invalid-input failure is recorded.</param>
    /// <param name="forHistory">True when the history's redacted URL and headers are needed.</param>
    /// <param name="idempotencyKey">The execution's idempotency key, or null.</param>
    /// <param name="send">False when the node will not run (only what the history shows is wanted).</param>
    PreparedRequest Prepare(NodeResult result, bool forHistory, string? idempotencyKey, bool send);

    /// <summary>One attempt: sends, reads and judges the answer into <paramref name="attempt"/>, and returns the body.</summary>
    /// <param name="prepared">What <see cref="Prepare"/> gave.</param>
    /// <param name="attempt">The attempt's result, filled as the answer is read.</param>
    /// <param name="number">The attempt's number, from 1.</param>
    /// <param name="idempotencyKey">The execution's idempotency key (the same on every attempt), or null.</param>
    /// <param name="cancellationToken">Cancelled by the attempt's timeout or the caller.</param>
    ValueTask<T?> SendAsync(PreparedRequest prepared, NodeResult attempt, int number, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>What an exception thrown by <see cref="SendAsync"/> (other than the timeout or the caller's cancellation) means.</summary>
    NodeError Describe(Exception exception, PreparedRequest prepared);

    /// <summary>The HTTP method the attempts used (known after an attempt for an external call).</summary>
    string Method(PreparedRequest prepared);

    /// <summary>The history's redacted URL and request headers, once the execution is over.</summary>
    (string Url, IReadOnlyList<KeyValuePair<string, string>> Headers) History(PreparedRequest prepared);
}

/// <summary>
/// What <see cref="INodeExchange{T}.Prepare"/> gave: the first attempt's request (later attempts
/// build their own: a request is sent once), where it goes, and what the history shows of it.
/// </summary>
internal readonly record struct PreparedRequest(
    bool CanSend,
    System.Net.Http.HttpRequestMessage? Request,
    Uri? Target,
    string? HistoryUrl,
    IReadOnlyList<KeyValuePair<string, string>>? HistoryHeaders);
