using System.ComponentModel;

namespace SdkNodes;

/// <summary>
/// What a call made by another client (a Refit call through SdkNodes.Refit) is told about its
/// attempt: which one it is, and the idempotency key to send, the same on every attempt of one
/// execution (null when the node sends none).
/// </summary>
/// <param name="Attempt">The attempt's number, from 1.</param>
/// <param name="IdempotencyKey">The key to send in the node's idempotency header, or null.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct NodeCall(int Attempt, string? IdempotencyKey);
