namespace SdkNodes.Tests.Resilience;

// Nodes for the resilience tests; each answers from ScriptedServer's /s/{name} script.

[ApiRequest("GET", "/s/{name}")]
[Retry(3, Delay = 0)]
public sealed partial class RetriedGet : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[Retry(2, Delay = 0.5, UseJitter = false)]
public sealed partial class RetriedAfterDelay : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[Retry(1, Delay = 0)]
[Timeout(1)]
public sealed partial class RetriedWithShortTimeout : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[Retry(3, Delay = 5, UseJitter = false)]
public sealed partial class RetriedSlowly : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[Retry(2, Delay = 0)]
[OnFailure(FailureAction.Abort)]
public sealed partial class RetriedOrAbort : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[Retry(0)]
public sealed partial class NeverRetried : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
public sealed partial class PlainGet : IApiNode<string>
{
    public required string Name { get; init; }
}

// SDKN023 warns that a POST with [Retry] and no key is not retried: that is what is tested.
#pragma warning disable SDKN023
[ApiRequest("POST", "/s/{name}")]
[Retry(3, Delay = 0)]
public sealed partial class RetriedPostWithoutKey : IApiNode<string>
{
    public required string Name { get; init; }
}
#pragma warning restore SDKN023

[ApiRequest("POST", "/s/{name}")]
[Retry(3, Delay = 0)]
[IdempotencyKey]
public sealed partial class RetriedPostWithKey : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("PATCH", "/s/{name}")]
[Retry(2, Delay = 0)]
[IdempotencyKey("X-Request-Key")]
public sealed partial class RetriedPatchWithOwnHeader : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[CircuitBreaker(MinimumThroughput = 2, FailureRatio = 0.5, SamplingSeconds = 30, BreakSeconds = 30)]
public sealed partial class Guarded : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[CircuitBreaker(MinimumThroughput = 2, BreakSeconds = 30)]
public sealed partial class GuardedToo : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[RateLimit(2, 1)]
public sealed partial class Limited : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[RateLimit(1, 60)]
[Timeout(1)]
public sealed partial class LimitedWithShortTimeout : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[RateLimit(1, 60, QueueLimit = 0)]
public sealed partial class LimitedWithoutQueue : IApiNode<string>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/s/{name}")]
[Retry(3, Delay = 0)]
[FollowRedirects(MaxRedirects = 2)]
public sealed partial class RetriedFollowingRedirects : IApiNode<string>
{
    public required string Name { get; init; }
}
