using System;
using System.Collections.Generic;

namespace SdkNodes;

/// <summary>
/// How a node retries (see <see cref="RetryAttribute"/>, which the generator turns into one of
/// these on the node's <see cref="NodeDescriptor.Retry"/>). Also the runtime's
/// <see cref="NodeRuntimeOptions.DefaultRetry"/> and a Refit node's retry.
/// </summary>
public sealed record RetrySettings
{
    internal const double DefaultDelaySeconds = 1;
    internal const double DefaultMaxDelaySeconds = 30;
    internal const int MaxRetries = 100;
    internal static readonly TimeSpan LongestDelay = TimeSpan.FromHours(1);
    internal static readonly int[] DefaultOnStatus = [408, 429, 500, 502, 503, 504];

    /// <summary>How many times a failed attempt is tried again, 0 to 100. Default: 3.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The base delay before the first retry, 0 to 1 hour. Default: 1 second.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(DefaultDelaySeconds);

    /// <summary>How the delay grows. Default: <see cref="RetryBackoff.Exponential"/>.</summary>
    public RetryBackoff Backoff { get; init; } = RetryBackoff.Exponential;

    /// <summary>
    /// The longest delay, more than 0, at most 1 hour, not less than <see cref="Delay"/>. A
    /// <c>Retry-After</c> asking for longer stops the retries. Default: 30 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(DefaultMaxDelaySeconds);

    /// <summary>True to add random jitter to the delays. Default: true.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>The statuses that are retried. Default: 408, 429, 500, 502, 503, 504.</summary>
    public IReadOnlyList<int> OnStatus { get; init; } = DefaultOnStatus;

    /// <summary>Throws when a setting is out of range, naming <paramref name="owner"/>, the setting and the rule.</summary>
    internal void Validate(string owner)
    {
        if (Retries is < 0 or > MaxRetries)
        {
            throw new ArgumentException($"{owner}.Retries must be from 0 to {MaxRetries}; it is {Retries}.");
        }

        if (Delay < TimeSpan.Zero || Delay > LongestDelay)
        {
            throw new ArgumentException($"{owner}.Delay must be from 0 to 1 hour; it is {Delay}.");
        }

        if (MaxDelay <= TimeSpan.Zero || MaxDelay > LongestDelay || MaxDelay < Delay)
        {
            throw new ArgumentException($"{owner}.MaxDelay must be more than 0, at most 1 hour and not less than Delay ({Delay}); it is {MaxDelay}.");
        }

        ArgumentNullException.ThrowIfNull(OnStatus, $"{owner}.OnStatus");
        foreach (int status in OnStatus)
        {
            if (status is < 100 or > 599)
            {
                throw new ArgumentException($"{owner}.OnStatus holds {status}, which is not an HTTP status code (100 to 599).");
            }
        }
    }
}
