using System;

namespace SdkNodes;

/// <summary>
/// Sends at most <see cref="Permits"/> requests in any <see cref="PerSeconds"/> seconds. Each
/// attempt waits for a permit within the node's timeout; when none comes (or
/// <see cref="QueueLimit"/> callers are waiting already) the node fails with
/// <see cref="NodeErrorKind.RateLimited"/>. One limiter per <see cref="Key"/> is shared by all
/// nodes and all concurrent runs of a runtime.
/// </summary>
/// <param name="permits">Requests allowed per window, at least 1.</param>
/// <param name="perSeconds">The window in seconds, more than 0 and at most 86400.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RateLimitAttribute(int permits, double perSeconds) : Attribute
{
    /// <summary>Requests allowed per window.</summary>
    public int Permits { get; } = permits;

    /// <summary>The window in seconds.</summary>
    public double PerSeconds { get; } = perSeconds;

    /// <summary>Nodes with the same key share one limiter. Default: null, the request's host (and port).</summary>
    public string? Key { get; set; }

    /// <summary>How many callers may wait for a permit, 0 or more. Default: 1000.</summary>
    public int QueueLimit { get; set; } = RateLimitSettings.DefaultQueueLimit;
}
