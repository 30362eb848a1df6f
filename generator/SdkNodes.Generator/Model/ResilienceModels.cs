namespace SdkNodes.Generator.Model;

/// <summary>
/// <c>[Retry]</c> with every default filled in, durations as ticks so the emitter writes
/// <c>TimeSpan.FromTicks</c> exactly and the model compares without floating-point doubt.
/// </summary>
internal sealed record RetryModel(
    int Retries,
    long DelayTicks,
    string Backoff,
    long MaxDelayTicks,
    bool UseJitter,
    EquatableArray<int> OnStatus);

/// <summary><c>[CircuitBreaker]</c> with every default filled in; durations as ticks.</summary>
internal sealed record CircuitBreakerModel(
    double FailureRatio,
    int MinimumThroughput,
    long SamplingTicks,
    long BreakTicks,
    string? Key);

/// <summary><c>[RateLimit]</c>: permits per window (as ticks), shared by <see cref="Key"/>.</summary>
internal sealed record RateLimitModel(
    int Permits,
    long WindowTicks,
    string? Key,
    int QueueLimit);
