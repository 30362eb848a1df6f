using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

internal sealed partial class NodeParser
{
    // What ResilienceAttributes.Read found on the node class; None is a node without any of them.
    private sealed record ResilienceSettings(
        RetryModel? Retry,
        string? IdempotencyKeyHeader,
        CircuitBreakerModel? CircuitBreaker,
        RateLimitModel? RateLimit)
    {
        public static ResilienceSettings None { get; } = new(null, null, null, null);
    }
}
