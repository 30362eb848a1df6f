using System;

namespace SdkNodes;

/// <summary>
/// Retries the node's transient failures: a timeout, a connection failure, a broken response,
/// and the statuses in <see cref="OnStatus"/>. Never retried: certificate failures, blocked
/// addresses, invalid input, unreadable bodies, other statuses, and error codes read from the
/// body. A <c>Retry-After</c> header on a 429 or 503 sets the next delay; one longer than
/// <see cref="MaxDelay"/> stops the retries at once. The node's timeout applies to each attempt.
/// POST and PATCH are retried only with <see cref="IdempotencyKeyAttribute"/> (SDKN023 warns).
/// </summary>
/// <param name="retries">How many times a failed attempt is tried again, 0 to 100 (0 turns the runtime's default retry off for this node).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RetryAttribute(int retries) : Attribute
{
    /// <summary>How many times a failed attempt is tried again.</summary>
    public int Retries { get; } = retries;

    /// <summary>The base delay before the first retry, in seconds, 0 to 3600. Default: 1.</summary>
    public double Delay { get; set; } = RetrySettings.DefaultDelaySeconds;

    /// <summary>How the delay grows from one retry to the next. Default: <see cref="RetryBackoff.Exponential"/>.</summary>
    public RetryBackoff Backoff { get; set; } = RetryBackoff.Exponential;

    /// <summary>The longest delay, in seconds, more than 0 and at most 3600, and not less than <see cref="Delay"/>. Default: 30.</summary>
    public double MaxDelay { get; set; } = RetrySettings.DefaultMaxDelaySeconds;

    /// <summary>True to spread retries of many callers apart with random jitter. Default: true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The statuses that are retried. Default: 408, 429, 500, 502, 503, 504.</summary>
    public int[] OnStatus { get; set; } = [.. RetrySettings.DefaultOnStatus];
}
