using Polly;

namespace SdkNodes;

/// <summary>
/// What stands between a node and its exchange: the retry pipeline (with the caller's own
/// strategies) around all attempts, and the rate limiter and circuit breaker shared by key
/// around each attempt. Empty for a node with no resilience: it is sent straight away.
/// </summary>
internal readonly record struct ResiliencePlan(
    ResiliencePipeline<NodeResult>? Pipeline,
    RetrySettings? Retry,
    ResiliencePipeline? Limiter,
    ResiliencePipeline? Breaker,
    string? BreakerKey)
{
    public bool IsEmpty => Pipeline is null && Limiter is null && Breaker is null;

    /// <summary>True when each attempt goes through a limiter or breaker.</summary>
    public bool IsGuarded => Limiter is not null || Breaker is not null;
}
