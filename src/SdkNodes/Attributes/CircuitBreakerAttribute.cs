using System;

namespace SdkNodes;

/// <summary>
/// Stops sending to a failing server for a while: when at least <see cref="MinimumThroughput"/>
/// attempts were made in <see cref="SamplingSeconds"/> and <see cref="FailureRatio"/> of them
/// failed (timeouts, connection failures, broken responses, 408, 429 and 5xx), the breaker opens
/// for <see cref="BreakSeconds"/>: the node then fails at once with
/// <see cref="NodeErrorKind.CircuitOpen"/> and nothing is sent. Nodes with the same
/// <see cref="Key"/> share one breaker in a runtime.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CircuitBreakerAttribute : Attribute
{
    /// <summary>The share of failed attempts that opens the breaker, more than 0 and at most 1. Default: 0.5.</summary>
    public double FailureRatio { get; set; } = CircuitBreakerSettings.DefaultFailureRatio;

    /// <summary>How many attempts the sampling window needs before the breaker may open, at least 2. Default: 10.</summary>
    public int MinimumThroughput { get; set; } = CircuitBreakerSettings.DefaultMinimumThroughput;

    /// <summary>The sampling window in seconds, 0.5 to 86400. Default: 30.</summary>
    public double SamplingSeconds { get; set; } = CircuitBreakerSettings.DefaultSamplingSeconds;

    /// <summary>How long the breaker stays open, in seconds, 0.5 to 86400. Default: 30.</summary>
    public double BreakSeconds { get; set; } = CircuitBreakerSettings.DefaultBreakSeconds;

    /// <summary>Nodes with the same key share one breaker. Default: null, the request's host (and port).</summary>
    public string? Key { get; set; }
}
