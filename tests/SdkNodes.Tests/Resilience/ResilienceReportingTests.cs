using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Hedging;
using SdkNodes.Sqlite;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Resilience;

/// <summary>Only this class sends it, so listeners shared by parallel tests can filter on its name.</summary>
[ApiRequest("GET", "/s/{name}")]
[Retry(2, Delay = 0)]
public sealed partial class ReportedRetry : IApiNode<string>
{
    public required string Name { get; init; }
}

/// <summary>What retries leave behind: span events, the retry counter, the Test API report, SQLite history; and the caller's own strategies.</summary>
public sealed class ResilienceReportingTests
{
    [Fact]
    public async Task ARetriedExecution_GivesOneSpan_WithAnEventPerAttempt_AndCountsItsRetries()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "SdkNodes",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.DisplayName == nameof(ReportedRetry)) { spans.Enqueue(activity); } },
        };
        ActivitySource.AddActivityListener(activities);
        var retries = new ConcurrentQueue<long>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == "SdkNodes" && instrument.Name == "sdknodes.node.retries") { listener.EnableMeasurementEvents(instrument); } },
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "sdknodes.node" && Equals(tag.Value, nameof(ReportedRetry)))
                {
                    retries.Enqueue(value);
                }
            }
        });
        meters.Start();
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("traced", 503, 500, 200);
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time });

        await new ReportedRetry { Name = "traced" }.SendAsync(runtime, TestRuntime.Token);

        Activity span = Assert.Single(spans);
        Assert.Equal(3, span.GetTagItem("sdknodes.attempts"));
        ActivityEvent[] events = [.. span.Events];
        Assert.Equal(["sdknodes.attempt", "sdknodes.attempt", "sdknodes.attempt"], events.Select(e => e.Name));
        Assert.Equal([1, 2, 3], events.Select(e => (int)e.Tags.Single(t => t.Key == "sdknodes.attempt").Value!));
        Assert.Equal([503, 500, 200], events.Select(e => (int)e.Tags.Single(t => t.Key == "http.response.status_code").Value!));
        Assert.Equal("Status", events[0].Tags.Single(t => t.Key == "error.type").Value);
        Assert.Equal([2L], retries);
    }

    [Fact]
    public async Task TheTestApiReport_ListsEachAttempt()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("tested", 503, 200);
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time });
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = null });

        TestReport report = await tester.TestAsync(ReportedRetry.Descriptor, new Dictionary<string, string?> { ["Name"] = "tested" }, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, report.Outcome);
        Assert.Equal([503, 200], report.Attempts.Select(a => a.StatusCode ?? 0));
    }

    [Fact]
    public async Task TheSqliteHistory_KeepsTheAttemptsOfARetriedExecution()
    {
        string directory = Directory.CreateTempSubdirectory("sdknodes-retry-").FullName;
        try
        {
            var time = new FakeTimeProvider();
            await using var server = await ScriptedServer.StartAsync(time);
            server.Script("stored", 503, 503, 200);
            using (var sink = new SqliteHistorySink(Path.Combine(directory, "history.db")))
            {
                using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, TimeProvider = time, HistorySinks = { sink } });
                await new ReportedRetry { Name = "stored" }.SendAsync(runtime, TestRuntime.Token);
            }

            using var reopened = new SqliteHistorySink(Path.Combine(directory, "history.db"));
            NodeHistoryRecord record = Assert.Single(await reopened.QueryAsync(new NodeHistoryQuery(), TestRuntime.Token));
            Assert.Equal((3, NodeOutcome.Succeeded), (record.Attempts, record.Outcome));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ConfigureResilience_AddsTheCallersOwnStrategy_HereAHedgeThatWinsOverAHeldAttempt()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("hedged", new ScriptedAnswer(200, Hold: true), 200);
        var configured = new ConcurrentQueue<string>();
        using var runtime = new NodeRuntime(new NodeRuntimeOptions
        {
            BaseAddress = server.BaseAddress,
            TimeProvider = time,
            ConfigureResilience = (builder, descriptor) =>
            {
                configured.Enqueue(descriptor.Name);
                if (descriptor.Name == nameof(PlainGet))
                {
                    builder.AddHedging(new HedgingStrategyOptions<NodeResult>
                    {
                        MaxHedgedAttempts = 1,
                        Delay = TimeSpan.FromSeconds(1),
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsSuccess: false }),
                    });
                }
            },
        });

        var sending = new PlainGet { Name = "hedged" }.SendAsync(runtime, TestRuntime.Token);
        await server.WaitForRequestsAsync("hedged", 1);
        await Task.Delay(100, TestRuntime.Token);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await sending;

        Assert.Equal((NodeOutcome.Succeeded, 200), (result.Outcome, result.StatusCode));
        Assert.Equal(2, server.RequestsFor("hedged").Count);
        Assert.Equal(2, result.Attempts.Count);
        Assert.Equal(NodeErrorKind.Cancelled, result.Attempts[0].ErrorKind);
        Assert.Equal(200, result.Attempts[1].StatusCode);
        Assert.Equal([nameof(PlainGet)], configured);
    }
}
