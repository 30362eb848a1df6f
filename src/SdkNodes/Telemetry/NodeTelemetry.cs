using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SdkNodes;

/// <summary>
/// What the runtime tells the outside world about each execution: one span per node on the
/// <c>SdkNodes</c> <see cref="ActivitySource"/>, a duration histogram and a failure counter on
/// the <c>SdkNodes</c> <see cref="Meter"/>, and a log line. Only redacted URLs are used.
/// </summary>
internal sealed class NodeTelemetry : IDisposable
{
    public const string Name = "SdkNodes";

    private readonly ActivitySource _source = new(Name);
    private readonly Meter _meter = new(Name);
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _retries;
    private readonly ILogger _logger;

    public NodeTelemetry(ILoggerFactory? loggerFactory)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("SdkNodes.NodeRuntime");
        _duration = _meter.CreateHistogram<double>("sdknodes.node.duration", unit: "s", description: "How long node executions take.");
        _failures = _meter.CreateCounter<long>("sdknodes.node.failures", unit: "{execution}", description: "Node executions that did not succeed.");
        _retries = _meter.CreateCounter<long>("sdknodes.node.retries", unit: "{attempt}", description: "Attempts made again after a failed attempt.");
    }

    /// <summary>Starts the node's span, or returns null when nobody listens.</summary>
    public Activity? Start(NodeDescriptor descriptor)
    {
        Activity? activity = _source.StartActivity(descriptor.Name, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("sdknodes.node", descriptor.Name);
            activity.SetTag("http.request.method", descriptor.Method);
        }

        return activity;
    }

    /// <summary>True when the span or a log line will show the URL, so it is worth building.</summary>
    public bool NeedsUrl(Activity? activity) => activity is not null || _logger.IsEnabled(LogLevel.Warning);

    public void Complete(Activity? activity, NodeDescriptor descriptor, NodeResult result, string redactedUrl)
    {
        string outcome = NameOf(result.Outcome);
        if (activity is not null)
        {
            activity.SetTag("url.full", redactedUrl);
            activity.SetTag("sdknodes.outcome", outcome);
            if (result.StatusCode is int status)
            {
                activity.SetTag("http.response.status_code", status);
            }

            if (result.Error is { } error)
            {
                activity.SetTag("error.type", error.Kind.ToString());
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }

            activity.SetTag("sdknodes.attempts", result.AttemptCount);
            AddAttemptEvents(activity, result);
            activity.Dispose();
        }

        // Instruments nobody listens to are skipped, tags and all.
        if (_duration.Enabled || _failures.Enabled)
        {
            var tags = new TagList { { "sdknodes.node", descriptor.Name }, { "sdknodes.outcome", outcome } };
            _duration.Record(result.Elapsed.TotalSeconds, tags);
            if (result.Outcome != NodeOutcome.Succeeded)
            {
                tags.Add("error.type", result.Error?.Kind.ToString());
                _failures.Add(1, tags);
            }
        }

        if (result.AttemptCount > 1 && _retries.Enabled)
        {
            _retries.Add(result.AttemptCount - 1, new KeyValuePair<string, object?>("sdknodes.node", descriptor.Name));
        }

        Log(descriptor, result, redactedUrl);
    }

    // One event per attempt on the execution's span: when it started, what it got, how long
    // the runtime waited before it.
    private static void AddAttemptEvents(Activity activity, NodeResult result)
    {
        foreach (NodeAttempt attempt in result.Attempts)
        {
            var tags = new ActivityTagsCollection
            {
                { "sdknodes.attempt", attempt.Number },
                { "sdknodes.attempt.delay_ms", attempt.Delay.TotalMilliseconds },
                { "sdknodes.attempt.elapsed_ms", attempt.Elapsed.TotalMilliseconds },
            };
            if (attempt.StatusCode is int status)
            {
                tags.Add("http.response.status_code", status);
            }

            if (attempt.ErrorKind is { } kind)
            {
                tags.Add("error.type", kind.ToString());
            }

            activity.AddEvent(new ActivityEvent("sdknodes.attempt", attempt.StartedAt, tags));
        }
    }

    // Enum.ToString boxes and looks the name up on every call; these are constants.
    private static string NameOf(NodeOutcome outcome) => outcome switch
    {
        NodeOutcome.Succeeded => nameof(NodeOutcome.Succeeded),
        NodeOutcome.Failed => nameof(NodeOutcome.Failed),
        NodeOutcome.TimedOut => nameof(NodeOutcome.TimedOut),
        NodeOutcome.NotExecuted => nameof(NodeOutcome.NotExecuted),
        NodeOutcome.Skipped => nameof(NodeOutcome.Skipped),
        NodeOutcome.Cancelled => nameof(NodeOutcome.Cancelled),
        _ => outcome.ToString(),
    };

    private void Log(NodeDescriptor descriptor, NodeResult result, string redactedUrl)
    {
        double elapsedMs = result.Elapsed.TotalMilliseconds;
        switch (result.Outcome)
        {
            case NodeOutcome.Succeeded:
                NodeLog.Succeeded(_logger, descriptor.Name, descriptor.Method, redactedUrl, result.StatusCode, elapsedMs);
                break;
            case NodeOutcome.NotExecuted or NodeOutcome.Skipped:
                NodeLog.NotRun(_logger, descriptor.Name, result.Outcome, result.Error?.Message);
                break;
            default:
                NodeLog.Failed(_logger, descriptor.Name, descriptor.Method, redactedUrl, result.Outcome, result.Error?.Kind, elapsedMs, result.Error?.Message);
                break;
        }
    }

    public void Dispose()
    {
        _source.Dispose();
        _meter.Dispose();
    }
}
