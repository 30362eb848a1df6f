using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Faults;

/// <summary>
/// 10,000 executions at concurrency 100 against a loopback server that injects a fault into 5% of
/// them, decided by request number: slow past the node's 2 s timeout (the route holds 30 s), a
/// TCP reset mid-body, or 500. Checks one history record per execution, outcomes and error kinds
/// that match the injected faults one for one, no unobserved task exception, and bounded sockets.
/// With <c>SDKNODES_SOAK_SECONDS</c> set it repeats batches of 10,000 on the same runtime for that
/// long (a soak), checking every batch the same way. Run alone, so nothing else moves the figures.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class LoadTests
{
    public const string SoakVariable = "SDKNODES_SOAK_SECONDS";
    private const int BatchSize = 10_000;
    private const int Concurrency = 100;

    public enum LoadFault
    {
        None,
        Slow,
        Reset,
        ServerError,
    }

    /// <summary>Request <paramref name="n"/>'s fault: one in 20 is faulty, and those cycle slow, reset, 500.</summary>
    public static LoadFault FaultOf(int n) => n % 20 != 7
        ? LoadFault.None
        : ((n / 20) % 3) switch
        {
            0 => LoadFault.Slow,
            1 => LoadFault.Reset,
            _ => LoadFault.ServerError,
        };

    private static (NodeOutcome Outcome, NodeErrorKind? Kind) Expected(LoadFault fault) => fault switch
    {
        LoadFault.Slow => (NodeOutcome.TimedOut, NodeErrorKind.Timeout),
        LoadFault.Reset => (NodeOutcome.Failed, NodeErrorKind.Protocol),
        LoadFault.ServerError => (NodeOutcome.Failed, NodeErrorKind.Status),
        _ => (NodeOutcome.Succeeded, null),
    };

    [Fact]
    public async Task TenThousandExecutions_WithFivePercentFaults_OneRecordEach_OutcomesMatch_NoLeaks()
    {
        TimeSpan? soak = SoakDuration();
        var unobserved = new ConcurrentQueue<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += onUnobserved;
        try
        {
            await using var server = await FaultServer.StartAsync(app =>
                app.MapGet("/load/{n:int}", (HttpContext context, int n) => ServeAsync(context, n)));
            var history = new QueueSink();
            var runtime = TestRuntime.For(server.Server, configure: o => o.HistorySinks.Add(history));
            var failuresByKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int executions = 0, peakServerConnections = 0, peakClientSockets = 0;
            var clock = Stopwatch.StartNew();
            var memory = MemoryWatch.Start();
            try
            {
                do
                {
                    Batch batch = await RunBatchAsync(runtime, server, history, first: executions);
                    executions += BatchSize;
                    peakServerConnections = Math.Max(peakServerConnections, batch.PeakServerConnections);
                    peakClientSockets = Math.Max(peakClientSockets, batch.PeakClientSockets);
                    foreach (var (kind, count) in batch.FailuresByKind)
                    {
                        failuresByKind[kind] = failuresByKind.GetValueOrDefault(kind) + count;
                    }

                    Report($"batch {executions / BatchSize}: {BatchSize:N0} executions in {batch.Elapsed.TotalSeconds:0.0} s, " +
                           $"failures {Describe(batch.FailuresByKind)}, peak connections {batch.PeakServerConnections} (server) / {batch.PeakClientSockets} (client sockets), " +
                           $"working set now {MemoryWatch.MiB(Environment.WorkingSet)}");
                }
                while (soak is { } duration && clock.Elapsed < duration);
            }
            finally
            {
                clock.Stop();
                runtime.Dispose();
            }

            int stillOpen = await server.Connections.WaitUntilAllClosedAsync(TimeSpan.FromSeconds(10));
            await memory.StopAsync();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            GC.WaitForPendingFinalizers();

            Report($"{(soak is null ? "load" : "soak")}: {executions:N0} executions at concurrency {Concurrency} in {clock.Elapsed.TotalSeconds:0.0} s " +
                   $"({executions / clock.Elapsed.TotalSeconds:N0}/s); failures {Describe(failuresByKind)}; " +
                   $"connections opened {server.Connections.Total}, peak open {peakServerConnections} (server) / {peakClientSockets} (client sockets), open after dispose {stillOpen}; " +
                   $"{memory}; unobserved task exceptions {unobserved.Count}");

            Assert.Empty(unobserved);
            Assert.Equal(0, stillOpen);
            // One connection per concurrent execution, plus the ones a timeout or a reset is still tearing down.
            Assert.InRange(peakServerConnections, 1, 2 * Concurrency);
            if (peakClientSockets >= 0)
            {
                Assert.InRange(peakClientSockets, 0, 2 * Concurrency);
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }
    }

    private static async Task<Batch> RunBatchAsync(NodeRuntime runtime, FaultServer server, QueueSink history, int first)
    {
        server.Connections.ResetPeak();
        server.Server.ForgetRequests();
        var results = new NodeResult[BatchSize];
        var clock = Stopwatch.StartNew();
        using var sockets = SocketSampler.Start(server.BaseAddress.Port);

        // Nothing may escape SendAsync: an exception here fails the test.
        await Parallel.ForEachAsync(
            Enumerable.Range(first, BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = TestRuntime.Token },
            async (n, cancellationToken) => results[n - first] = await new LoadProbe { N = n }.SendAsync(runtime, cancellationToken));
        clock.Stop();
        int peakClientSockets = await sockets.StopAsync();

        // Every execution ended as its fault says.
        var failuresByKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var expectedByKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < BatchSize; i++)
        {
            var (outcome, kind) = Expected(FaultOf(first + i));
            NodeResult result = results[i];
            if (result.Outcome != outcome || result.Error?.Kind != kind)
            {
                Assert.Fail($"Request {first + i} ({FaultOf(first + i)}) ended {result}, expected {outcome} {kind}.");
            }

            if (kind is { } k)
            {
                expectedByKind[k.ToString()] = expectedByKind.GetValueOrDefault(k.ToString()) + 1;
                failuresByKind[result.Error!.Kind.ToString()] = failuresByKind.GetValueOrDefault(result.Error.Kind.ToString()) + 1;
            }
        }

        Assert.Equal(expectedByKind, failuresByKind);

        // Exactly one history record per execution, saying what the result says.
        List<NodeHistoryRecord> records = history.Drain();
        Assert.Equal(BatchSize, records.Count);
        var seen = new bool[BatchSize];
        foreach (NodeHistoryRecord record in records)
        {
            int n = int.Parse(record.Url.AsSpan(record.Url.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);
            Assert.False(seen[n - first], $"Two history records for request {n}.");
            seen[n - first] = true;
            Assert.Equal(results[n - first].Outcome, record.Outcome);
            Assert.Equal(results[n - first].Error?.Kind, record.ErrorKind);
        }

        return new Batch(clock.Elapsed, failuresByKind, server.Connections.Peak, peakClientSockets);
    }

    private static Task ServeAsync(HttpContext context, int n)
    {
        switch (FaultOf(n))
        {
            case LoadFault.Slow:
                return FaultServer.HoldAsync(context);
            case LoadFault.Reset:
                return FaultServer.ResetMidBodyAsync(context);
            case LoadFault.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/html";
                return context.Response.WriteAsync(FaultServer.ServerErrorPage);
            default:
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{n}}}"));
        }
    }

    private static TimeSpan? SoakDuration()
    {
        string? text = Environment.GetEnvironmentVariable(SoakVariable);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private static string Describe(IDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }

    private sealed record Batch(TimeSpan Elapsed, IDictionary<string, int> FailuresByKind, int PeakServerConnections, int PeakClientSockets);

    /// <summary>A history sink that hands over what it got, batch by batch, so a soak does not keep every record.</summary>
    private sealed class QueueSink : INodeHistorySink
    {
        private readonly ConcurrentQueue<NodeHistoryRecord> _records = new();

        public ValueTask WriteAsync(NodeHistoryRecord record, CancellationToken cancellationToken)
        {
            _records.Enqueue(record);
            return ValueTask.CompletedTask;
        }

        public ValueTask WriteRunAsync(RunHistoryRecord record, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public List<NodeHistoryRecord> Drain()
        {
            var drained = new List<NodeHistoryRecord>(_records.Count);
            while (_records.TryDequeue(out NodeHistoryRecord? record))
            {
                drained.Add(record);
            }

            return drained;
        }
    }
}
