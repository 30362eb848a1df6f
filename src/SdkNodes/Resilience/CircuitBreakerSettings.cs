using System;

namespace SdkNodes;

/// <summary>
/// A node's circuit breaker (see <see cref="CircuitBreakerAttribute"/>, which the generator
/// turns into one of these on <see cref="NodeDescriptor.CircuitBreaker"/>).
/// </summary>
public sealed record CircuitBreakerSettings
{
    internal const double DefaultFailureRatio = 0.5;
    internal const int DefaultMinimumThroughput = 10;
    internal const double DefaultSamplingSeconds = 30;
    internal const double DefaultBreakSeconds = 30;
    internal static readonly TimeSpan ShortestDuration = TimeSpan.FromMilliseconds(500);
    internal static readonly TimeSpan LongestDuration = TimeSpan.FromDays(1);

    /// <summary>The share of failed attempts that opens the breaker, in (0, 1]. Default: 0.5.</summary>
    public double FailureRatio { get; init; } = DefaultFailureRatio;

    /// <summary>Attempts needed in the sampling window before the breaker may open, at least 2. Default: 10.</summary>
    public int MinimumThroughput { get; init; } = DefaultMinimumThroughput;

    /// <summary>The sampling window, 0.5 s to 1 day. Default: 30 seconds.</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(DefaultSamplingSeconds);

    /// <summary>How long the breaker stays open, 0.5 s to 1 day. Default: 30 seconds.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(DefaultBreakSeconds);

    /// <summary>Nodes with the same key share one breaker. Default: null, the request's host and port.</summary>
    public string? Key { get; init; }

    /// <summary>Throws when a setting is out of range, naming <paramref name="owner"/>, the setting and the rule.</summary>
    internal void Validate(string owner)
    {
        if (double.IsNaN(FailureRatio) || FailureRatio <= 0 || FailureRatio > 1)
        {
            throw new ArgumentException($"{owner}.FailureRatio must be more than 0 and at most 1; it is {FailureRatio}.");
        }

        if (MinimumThroughput < 2)
        {
            throw new ArgumentException($"{owner}.MinimumThroughput must be at least 2; it is {MinimumThroughput}.");
        }

        if (SamplingDuration < ShortestDuration || SamplingDuration > LongestDuration)
        {
            throw new ArgumentException($"{owner}.SamplingDuration must be from 0.5 seconds to 1 day; it is {SamplingDuration}.");
        }

        if (BreakDuration < ShortestDuration || BreakDuration > LongestDuration)
        {
            throw new ArgumentException($"{owner}.BreakDuration must be from 0.5 seconds to 1 day; it is {BreakDuration}.");
        }

        if (Key is { Length: 0 })
        {
            throw new ArgumentException($"{owner}.Key must not be empty; leave it null for the request's host.");
        }
    }
}
