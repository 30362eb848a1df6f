using System;

namespace SdkNodes;

/// <summary>
/// The node sends an idempotency key header whose value stays the same across the retries of
/// one execution, so the server can tell a retry from a new request. Inside a
/// <see cref="WorkflowRun"/> the key is derived from the run's id, the node's name and its
/// position in the run, so a run executed again (recovered on another worker) sends the same keys.
/// </summary>
/// <param name="headerName">The header's name. Default: <c>Idempotency-Key</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IdempotencyKeyAttribute(string headerName) : Attribute
{
    /// <summary>The header name used when none is given.</summary>
    public const string DefaultHeaderName = "Idempotency-Key";

    /// <summary>Sends the key in the <c>Idempotency-Key</c> header.</summary>
    public IdempotencyKeyAttribute()
        : this(DefaultHeaderName)
    {
    }

    /// <summary>The header's name.</summary>
    public string HeaderName { get; } = headerName;
}
