using System.Diagnostics;

namespace SdkNodes.Benchmarks.Probes;

/// <summary>
/// Runs each call in turn, round after round, and keeps the time per call of every round, so
/// that noise from other work on the machine falls on all clients alike.
/// </summary>
internal sealed class InterleavedRuns((string Name, Func<Task> Call)[] calls)
{
    private readonly Dictionary<string, List<double>> _microseconds = calls.ToDictionary(c => c.Name, _ => new List<double>());
    private readonly Dictionary<string, double> _bytes = [];

    public async Task RunAsync(int rounds, int concurrency, Func<string, int> callsFor)
    {
        for (int round = 0; round < rounds; round++)
        {
            foreach ((string name, Func<Task> call) in calls)
            {
                int count = callsFor(name);
                await InParallelAsync(call, count / 10, concurrency).ConfigureAwait(false);
                long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                await InParallelAsync(call, count, concurrency).ConfigureAwait(false);
                clock.Stop();
                _bytes[name] = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)count;
                _microseconds[name].Add(clock.Elapsed.TotalMicroseconds / count);
            }
        }
    }

    /// <summary>Prints minimum and median per call, and their ratio to the case's hand-written client (as throughput: its inverse).</summary>
    public void Print(string title, bool throughput)
    {
        Console.WriteLine($"## {title}");
        foreach ((string name, _) in calls)
        {
            List<double> times = [.. _microseconds[name].Order()];
            List<double> hand = [.. _microseconds[name[0] + " hand"].Order()];
            double minRatio = throughput ? hand[0] / times[0] : times[0] / hand[0];
            double medianRatio = throughput ? Median(hand) / Median(times) : Median(times) / Median(hand);
            Console.WriteLine(
                $"{name,-8} min {times[0],9:F2} µs  median {Median(times),9:F2} µs  {_bytes[name],9:F0} B/call  " +
                $"{(throughput ? "throughput" : "time")} vs hand-written: min {minRatio:F3}, median {medianRatio:F3}");
        }
    }

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];

    private static Task InParallelAsync(Func<Task> call, int count, int concurrency)
    {
        var workers = new Task[concurrency];
        for (int i = 0; i < concurrency; i++)
        {
            workers[i] = WorkAsync(call, count / concurrency);
        }

        return Task.WhenAll(workers);
    }

    private static async Task WorkAsync(Func<Task> call, int count)
    {
        for (int i = 0; i < count; i++)
        {
            await call().ConfigureAwait(false);
        }
    }
}
