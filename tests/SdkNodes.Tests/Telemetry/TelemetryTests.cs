using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Telemetry;

/// <summary>Only this class sends it, so listeners shared by parallel tests can filter on its name.</summary>
[ApiRequest("GET", "/traced/{code}{?key}")]
public sealed partial class TracedNode : IApiNode
{
    public required int Code { get; init; }

    [Secret] public string? Key { get; init; }
}

/// <summary>One span, a duration and a failure count per execution, and log lines, all with secrets redacted.</summary>
public class TelemetryTests
{
    private const string Marker = "MARKER-trace-77";

    [Fact]
    public async Task EachExecution_GivesASpan_Metrics_AndALogLine()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "SdkNodes",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.DisplayName == nameof(TracedNode)) { spans.Enqueue(activity); } },
        };
        ActivitySource.AddActivityListener(activities);

        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == "SdkNodes") { listener.EnableMeasurementEvents(instrument); } },
        };
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Collect(instrument, value, tags));
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Collect(instrument, value, tags));
        meters.Start();

        void Collect(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var all = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                all[tag.Key] = tag.Value;
            }

            if (Equals(all.GetValueOrDefault("sdknodes.node"), nameof(TracedNode)))
            {
                measurements.Enqueue((instrument.Name, value, all));
            }
        }

        var logs = new ConcurrentQueue<string>();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new ListLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace));
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/traced/{code:int}", (int code) => Results.StatusCode(code)));
        using var runtime = TestRuntime.For(server, configure: o => o.LoggerFactory = loggerFactory);

        await new TracedNode { Code = 200, Key = Marker }.SendAsync(runtime, TestRuntime.Token);
        await new TracedNode { Code = 503, Key = Marker }.SendAsync(runtime, TestRuntime.Token);

        Activity[] traced = [.. spans];
        Assert.Equal(2, traced.Length);
        Assert.All(traced, a => Assert.Equal(ActivityKind.Client, a.Kind));
        Assert.Equal(200, traced[0].GetTagItem("http.response.status_code"));
        Assert.Equal("Succeeded", traced[0].GetTagItem("sdknodes.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, traced[0].Status);
        Assert.Equal(503, traced[1].GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, traced[1].Status);
        Assert.Equal("Status", traced[1].GetTagItem("error.type"));
        Assert.Contains("key=***", (string)traced[1].GetTagItem("url.full")!);

        meters.RecordObservableInstruments();
        var durations = measurements.Where(m => m.Instrument == "sdknodes.node.duration").ToList();
        Assert.Equal(["Succeeded", "Failed"], durations.Select(d => d.Tags["sdknodes.outcome"]));
        Assert.All(durations, d => Assert.True(d.Value >= 0));
        var failure = Assert.Single(measurements, m => m.Instrument == "sdknodes.node.failures");
        Assert.Equal(1, failure.Value);
        Assert.Equal("Status", failure.Tags["error.type"]);

        string[] lines = [.. logs.Where(l => l.Contains(nameof(TracedNode), StringComparison.Ordinal))];
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Information: TracedNode GET", lines[0]);
        Assert.Contains("answered 200", lines[0]);
        Assert.StartsWith("Warning: TracedNode GET", lines[1]);
        Assert.Contains("Failed (Status)", lines[1]);

        string everything = string.Join("\n", lines) + string.Join("\n", traced.SelectMany(a => a.Tags.Select(t => t.Value)));
        Assert.DoesNotContain(Marker, everything);
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
