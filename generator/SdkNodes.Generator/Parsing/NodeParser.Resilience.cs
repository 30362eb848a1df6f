using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Diagnostics;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

internal sealed partial class NodeParser
{
    // [Retry], [IdempotencyKey], [CircuitBreaker] and [RateLimit] on the node class, with the
    // attributes' documented defaults filled in. The ranges mirror the Validate methods of the
    // runtime's RetrySettings, CircuitBreakerSettings and RateLimitSettings, so a node that
    // builds never throws there at run time: change the two together.
    // One reader reads one class: Read makes it, fills it and returns what it found.
    private sealed class ResilienceAttributes
    {
        private const string DefaultIdempotencyHeader = "Idempotency-Key";
        private const int MaxRetries = 100;
        private const double DefaultDelaySeconds = 1;
        private const double DefaultMaxDelaySeconds = 30;
        private const double LongestDelaySeconds = 3600;
        private const double DefaultFailureRatio = 0.5;
        private const int DefaultMinimumThroughput = 10;
        private const double DefaultBreakerSeconds = 30;
        private const double ShortestBreakerSeconds = 0.5;
        private const double OneDaySeconds = 86400;
        private const int DefaultQueueLimit = 1000;

        private static readonly int[] s_defaultOnStatus = [408, 429, 500, 502, 503, 504];

        // RetryBackoff's members by value (Exponential = 0, Linear = 1, Constant = 2).
        private static readonly string[] s_backoffs = ["Exponential", "Linear", "Constant"];

        private readonly NodeParser _parser;
        private readonly DiagnosticReporter _reporter;

        private ResilienceAttributes(NodeParser parser)
        {
            _parser = parser;
            _reporter = _parser._reporter;
        }

        private RetryModel? Retry { get; set; }

        private string? IdempotencyKeyHeader { get; set; }

        private CircuitBreakerModel? CircuitBreaker { get; set; }

        private RateLimitModel? RateLimit { get; set; }

        public static ResilienceSettings Read(NodeParser parser, string method)
        {
            var reader = new ResilienceAttributes(parser);
            reader.ReadAll(method);
            return new ResilienceSettings(reader.Retry, reader.IdempotencyKeyHeader, reader.CircuitBreaker, reader.RateLimit);
        }

        private void ReadAll(string method)
        {
            AttributeData? retry = null;
            int retries = 0;
            bool hasIdempotencyKey = false;
            foreach (AttributeData attribute in _parser._type.GetAttributes())
            {
                switch (AttributeName(attribute))
                {
                    case "RetryAttribute":
                        retry = attribute;
                        retries = ReadRetry(attribute);
                        break;
                    case "IdempotencyKeyAttribute":
                        hasIdempotencyKey = true;
                        ReadIdempotencyKey(attribute);
                        break;
                    case "CircuitBreakerAttribute":
                        ReadCircuitBreaker(attribute);
                        break;
                    case "RateLimitAttribute":
                        ReadRateLimit(attribute);
                        break;
                }
            }

            // The runtime never retries a POST or PATCH without a key (it could act twice), so
            // the [Retry] would silently do nothing. The settings are still emitted: adding the
            // key later is the fix, and the runtime makes the decision either way.
            if (retry is not null && retries > 0 && !hasIdempotencyKey && method is "POST" or "PATCH")
            {
                _reporter.Report(DiagnosticDescriptors.RetryWithoutIdempotencyKey, _reporter.SyntaxOf(retry)?.GetLocation(), _parser._name, method);
            }
        }

        /// <summary>Reads [Retry] into <see cref="Retry"/> when every setting is in range; returns the retry count.</summary>
        private int ReadRetry(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not int retries)
            {
                return 0;
            }

            DiagnosticDescriptor rule = DiagnosticDescriptors.RetryOutOfRange;
            bool valid = true;
            if (retries is < 0 or > MaxRetries)
            {
                valid = Problem(rule, _reporter.ArgumentLocation(attribute, 0), $"Retries = {retries}", $"it must be from 0 to {MaxRetries}");
            }

            double delay = DefaultDelaySeconds;
            double maxDelay = DefaultMaxDelaySeconds;
            int backoff = 0;
            bool useJitter = true;
            int[]? onStatus = s_defaultOnStatus;
            TypedConstant? onStatusArgument = null;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error)
                {
                    continue;
                }

                switch (named.Key)
                {
                    case "Delay" when named.Value.Value is { } value:
                        delay = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                        break;
                    case "MaxDelay" when named.Value.Value is { } value:
                        maxDelay = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                        break;
                    case "Backoff" when named.Value.Value is int value:
                        backoff = value;
                        break;
                    case "UseJitter" when named.Value.Value is bool value:
                        useJitter = value;
                        break;
                    case "OnStatus" when named.Value.Kind == TypedConstantKind.Array:
                        onStatusArgument = named.Value;
                        break;
                }
            }

            bool delayValid = !double.IsNaN(delay) && delay >= 0 && delay <= LongestDelaySeconds;
            if (!delayValid)
            {
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, "Delay"), $"Delay = {Number(delay)}", $"it must be from 0 to {Number(LongestDelaySeconds)} seconds (1 hour)");
            }

            if (double.IsNaN(maxDelay) || maxDelay <= 0 || maxDelay > LongestDelaySeconds || Ticks(maxDelay) == 0)
            {
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, "MaxDelay"), $"MaxDelay = {Number(maxDelay)}", $"it must be more than 0 and at most {Number(LongestDelaySeconds)} seconds (1 hour)");
            }
            else if (delayValid && maxDelay < delay)
            {
                // Point at the one the developer wrote: MaxDelay, or Delay above the default MaxDelay.
                string culprit = HasNamed(attribute, "MaxDelay") ? "MaxDelay" : "Delay";
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, culprit), $"MaxDelay = {Number(maxDelay)}, less than Delay = {Number(delay)}", "the longest delay must not be less than the first");
            }

            if (backoff < 0 || backoff >= s_backoffs.Length)
            {
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, "Backoff"), $"Backoff = {backoff}", "use RetryBackoff.Exponential, Linear or Constant");
            }

            if (onStatusArgument is { } statuses)
            {
                onStatus = ReadOnStatus(attribute, statuses, ref valid);
            }

            if (valid && onStatus is not null)
            {
                Retry = new RetryModel(retries, Ticks(delay), s_backoffs[backoff], Ticks(maxDelay), useJitter, onStatus.ToEquatableArray());
            }

            return retries;
        }

        // The runtime only checks the range; a status listed twice is refused here as well,
        // like a repeated [SuccessCodes] entry (SDKN008), since it is surely a slip.
        private int[]? ReadOnStatus(AttributeData attribute, TypedConstant statuses, ref bool valid)
        {
            DiagnosticDescriptor rule = DiagnosticDescriptors.RetryOutOfRange;
            if (statuses.IsNull)
            {
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, "OnStatus"), "OnStatus = null", "list the statuses to retry, or leave OnStatus out for 408, 429, 500, 502, 503 and 504");
                return null;
            }

            var codes = new List<int>(statuses.Values.Length);
            for (int i = 0; i < statuses.Values.Length; i++)
            {
                if (statuses.Values[i].Value is not int code)
                {
                    continue;
                }

                if (code is < 100 or > 599)
                {
                    valid = Problem(rule, _reporter.NamedArgumentItemLocation(attribute, "OnStatus", i), $"OnStatus {code}", "a status code must be from 100 to 599");
                }
                else if (codes.Contains(code))
                {
                    valid = Problem(rule, _reporter.NamedArgumentItemLocation(attribute, "OnStatus", i), $"OnStatus {code} twice", "list each status once");
                }
                else
                {
                    codes.Add(code);
                }
            }

            return codes.ToArray();
        }

        private void ReadIdempotencyKey(AttributeData attribute)
        {
            // A constructor that did not bind (half-typed code) is the compiler's error to report.
            if (attribute.AttributeConstructor is null
                || attribute.ConstructorArguments.Length > 1
                || (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error))
            {
                return;
            }

            string? header = attribute.ConstructorArguments.Length == 0
                ? DefaultIdempotencyHeader
                : attribute.ConstructorArguments[0].Value as string;
            if (HeaderRules.NameProblem(header) is { } problem)
            {
                _reporter.Report(DiagnosticDescriptors.InvalidHeader, _reporter.ArgumentLocation(attribute, 0), $"[IdempotencyKey] of '{_parser._name}'", problem);
                return;
            }

            IdempotencyKeyHeader = header;
        }

        private void ReadCircuitBreaker(AttributeData attribute)
        {
            double failureRatio = DefaultFailureRatio;
            int minimumThroughput = DefaultMinimumThroughput;
            double samplingSeconds = DefaultBreakerSeconds;
            double breakSeconds = DefaultBreakerSeconds;
            string? key = null;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error)
                {
                    continue;
                }

                switch (named.Key)
                {
                    case "FailureRatio" when named.Value.Value is { } value:
                        failureRatio = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                        break;
                    case "MinimumThroughput" when named.Value.Value is int value:
                        minimumThroughput = value;
                        break;
                    case "SamplingSeconds" when named.Value.Value is { } value:
                        samplingSeconds = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                        break;
                    case "BreakSeconds" when named.Value.Value is { } value:
                        breakSeconds = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                        break;
                    case "Key":
                        key = named.Value.Value as string;
                        break;
                }
            }

            DiagnosticDescriptor rule = DiagnosticDescriptors.CircuitBreakerOutOfRange;
            bool valid = true;
            if (double.IsNaN(failureRatio) || failureRatio <= 0 || failureRatio > 1)
            {
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, "FailureRatio"), $"FailureRatio = {Number(failureRatio)}", "it must be more than 0 and at most 1");
            }

            if (minimumThroughput < 2)
            {
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, "MinimumThroughput"), $"MinimumThroughput = {minimumThroughput}", "it must be at least 2");
            }

            foreach ((string name, double seconds) in new[] { ("SamplingSeconds", samplingSeconds), ("BreakSeconds", breakSeconds) })
            {
                if (double.IsNaN(seconds) || seconds < ShortestBreakerSeconds || seconds > OneDaySeconds)
                {
                    valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, name), $"{name} = {Number(seconds)}", $"it must be from {Number(ShortestBreakerSeconds)} to {Number(OneDaySeconds)} seconds (1 day)");
                }
            }

            if (key is { Length: 0 })
            {
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, "Key"), "Key = \"\"", "leave Key out to share one breaker per host, or name the group");
            }

            if (valid)
            {
                CircuitBreaker = new CircuitBreakerModel(failureRatio, minimumThroughput, Ticks(samplingSeconds), Ticks(breakSeconds), key);
            }
        }

        private void ReadRateLimit(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not int permits
                || attribute.ConstructorArguments[1].Kind == TypedConstantKind.Error
                || attribute.ConstructorArguments[1].Value is not { } rawPerSeconds)
            {
                return;
            }

            double perSeconds = Convert.ToDouble(rawPerSeconds, CultureInfo.InvariantCulture);
            string? key = null;
            int queueLimit = DefaultQueueLimit;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Key" when named.Value.Kind != TypedConstantKind.Error:
                        key = named.Value.Value as string;
                        break;
                    case "QueueLimit" when named.Value.Value is int value:
                        queueLimit = value;
                        break;
                }
            }

            DiagnosticDescriptor rule = DiagnosticDescriptors.RateLimitOutOfRange;
            bool valid = true;
            if (permits < 1)
            {
                valid = Problem(rule, _reporter.ArgumentLocation(attribute, 0), $"permits = {permits}", "it must be at least 1");
            }

            // A window that rounds to 0 ticks is as empty as 0 to the runtime.
            if (double.IsNaN(perSeconds) || perSeconds <= 0 || perSeconds > OneDaySeconds || Ticks(perSeconds) == 0)
            {
                valid = Problem(rule, _reporter.ArgumentLocation(attribute, 1), $"perSeconds = {Number(perSeconds)}", $"it must be more than 0 and at most {Number(OneDaySeconds)} seconds (1 day)");
            }

            if (queueLimit < 0)
            {
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, "QueueLimit"), $"QueueLimit = {queueLimit}", "it must be 0 or more");
            }

            if (key is { Length: 0 })
            {
                valid = Problem(rule, _reporter.NamedArgumentValueLocation(attribute, "Key"), "Key = \"\"", "leave Key out to share one limiter per host, or name the group");
            }

            if (valid)
            {
                RateLimit = new RateLimitModel(permits, Ticks(perSeconds), key, queueLimit);
            }
        }

        // Reports a setting out of range; returns false so a caller can write valid = Problem(...).
        private bool Problem(DiagnosticDescriptor rule, Location? location, string setting, string requirement)
        {
            _reporter.Report(rule, location, _parser._name, setting, requirement);
            return false;
        }

        private static bool HasNamed(AttributeData attribute, string name)
        {
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static long Ticks(double seconds) => (long)Math.Round(seconds * TimeSpan.TicksPerSecond);

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
