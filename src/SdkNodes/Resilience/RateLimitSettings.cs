using System;

namespace SdkNodes;

/// <summary>
/// A node's rate limit (see <see cref="RateLimitAttribute"/>, which the generator turns into one
/// of these on <see cref="NodeDescriptor.RateLimit"/>): at most <see cref="Permits"/> attempts
/// in any <see cref="Window"/>.
/// </summary>
public sealed record RateLimitSettings
{
    internal const int DefaultQueueLimit = 1000;
    internal static readonly TimeSpan LongestWindow = TimeSpan.FromDays(1);

    /// <summary>Attempts allowed in any window, at least 1.</summary>
    public required int Permits { get; init; }

    /// <summary>The window, more than 0 and at most 1 day.</summary>
    public required TimeSpan Window { get; init; }

    /// <summary>Nodes with the same key share one limiter. Default: null, the request's host and port.</summary>
    public string? Key { get; init; }

    /// <summary>How many callers may wait for a permit, 0 or more. Default: 1000.</summary>
    public int QueueLimit { get; init; } = DefaultQueueLimit;

    /// <summary>Throws when a setting is out of range, naming <paramref name="owner"/>, the setting and the rule.</summary>
    internal void Validate(string owner)
    {
        if (Permits < 1)
        {
            throw new ArgumentException($"{owner}.Permits must be at least 1; it is {Permits}.");
        }

        if (Window <= TimeSpan.Zero || Window > LongestWindow)
        {
            throw new ArgumentException($"{owner}.Window must be more than 0 and at most 1 day; it is {Window}.");
        }

        if (QueueLimit < 0)
        {
            throw new ArgumentException($"{owner}.QueueLimit must be 0 or more; it is {QueueLimit}.");
        }

        if (Key is { Length: 0 })
        {
            throw new ArgumentException($"{owner}.Key must not be empty; leave it null for the request's host.");
        }
    }
}
