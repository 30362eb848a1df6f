using System;
using System.Collections.Generic;
using System.Globalization;

namespace SdkNodes;

/// <summary>
/// What a retry tries again, in one place: transient failures (a timeout, a connection failure,
/// a connection dropped before any answer, a status in <see cref="RetrySettings.OnStatus"/>);
/// never a certificate, a blocked address, invalid input, an unreadable or cut-off body, a
/// redirect loop, another status or a body error code; never a POST or PATCH without an
/// idempotency key, nor a call whose method is not known. The circuit breaker counts timeouts,
/// connection and protocol failures, 408, 429 and 5xx.
/// </summary>
internal static class RetryRules
{
    /// <summary>False for a method that may act twice when retried (POST, PATCH) unless the node sends an idempotency key.</summary>
    /// <remarks>A call made by another client whose method is not known yet (no answer came) is treated like a POST.</remarks>
    public static bool MayRetry(string method, NodeDescriptor descriptor)
        => descriptor.IdempotencyKeyHeader is not null
           || !(string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase)
                || string.Equals(method, "PATCH", StringComparison.OrdinalIgnoreCase)
                || method == NodeDescriptor.UnknownMethod);

    /// <summary>
    /// True when <paramref name="attempt"/> failed in a way <paramref name="settings"/> retries.
    /// A <c>Retry-After</c> longer than <see cref="RetrySettings.MaxDelay"/> stops the retries, and
    /// the attempt's message then says how long the server asked for.
    /// </summary>
    /// <param name="settings">The node's retry.</param>
    /// <param name="attempt">The attempt that just ended.</param>
    /// <param name="method">The method the attempt used (see <see cref="MayRetry"/>).</param>
    /// <param name="descriptor">The node.</param>
    /// <param name="time">The runtime's clock, for a Retry-After date.</param>
    public static bool ShouldRetry(RetrySettings settings, NodeResult attempt, string method, NodeDescriptor descriptor, TimeProvider time)
    {
        if (!MayRetry(method, descriptor) || attempt.Outcome == NodeOutcome.Succeeded || attempt.Error is not { } error)
        {
            return false;
        }

        switch (error.Kind)
        {
            case NodeErrorKind.Timeout or NodeErrorKind.Connection:
                return true;
            case NodeErrorKind.Protocol:
                // Only a connection dropped before any answer; a body cut off mid-way or a
                // redirect loop (both with a status) would likely break again.
                return attempt.StatusCode is null && error.Code is null;
            case NodeErrorKind.Status when attempt.StatusCode is int status && Contains(settings.OnStatus, status):
                if (ServerDelay(attempt, time) is { } asked && asked > settings.MaxDelay)
                {
                    attempt.Fail(error with
                    {
                        Message = $"{error.Message} The server asked to wait {Seconds(asked)} (Retry-After) before trying again, " +
                                  $"longer than this node's MaxDelay of {Seconds(settings.MaxDelay)}, so it was not retried.",
                    });
                    return false;
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>True when the breaker counts <paramref name="attempt"/> as the server failing.</summary>
    public static bool IsTransientFailure(NodeResult attempt) => attempt.Error?.Kind switch
    {
        NodeErrorKind.Timeout or NodeErrorKind.Connection or NodeErrorKind.Protocol => true,
        NodeErrorKind.Status => attempt.StatusCode is 408 or 429 or >= 500,
        _ => false,
    };

    /// <summary>
    /// The delay a 429 or 503 asks for in <c>Retry-After</c> (delta-seconds, or an HTTP-date
    /// measured on the runtime's clock), or null when it asks for none.
    /// </summary>
    public static TimeSpan? ServerDelay(NodeResult attempt, TimeProvider time)
    {
        if (attempt.StatusCode is not (429 or 503) || !attempt.Headers.TryGetValue("Retry-After", out string? value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds - 1));
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
        {
            TimeSpan until = date - time.GetUtcNow();
            return until > TimeSpan.Zero ? until : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>The backoff Polly computes for <paramref name="backoff"/>.</summary>
    public static Polly.DelayBackoffType ToPolly(RetryBackoff backoff) => backoff switch
    {
        RetryBackoff.Linear => Polly.DelayBackoffType.Linear,
        RetryBackoff.Constant => Polly.DelayBackoffType.Constant,
        _ => Polly.DelayBackoffType.Exponential,
    };

    private static bool Contains(IReadOnlyList<int> statuses, int status)
    {
        for (int i = 0; i < statuses.Count; i++)
        {
            if (statuses[i] == status)
            {
                return true;
            }
        }

        return false;
    }

    private static string Seconds(TimeSpan delay) => $"{delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

}
