using SdkNodes.Benchmarks.Runtime;

namespace SdkNodes.Benchmarks.Probes;

/// <summary>
/// Quick measurements for working on the hot path, between BenchmarkDotNet runs (see
/// docs/benchmarks.md). On a shared 2-core machine, a ratio from interleaved rounds (each
/// client in turn, many times) moves less than one from runs made one after the other.
/// </summary>
/// <remarks>
/// <c>probe [rounds]</c>: the three in-memory calls, interleaved; minimum and median time per
/// call, bytes per call, and the ratios to hand-written.
/// <c>probe loopback [rounds]</c>: the same against the Kestrel loopback server at concurrency 1 and 64.
/// <c>probe loop "a node" [seconds]</c>: one call in a loop, to record with <c>perf</c> or <c>dotnet-trace</c>.
/// <c>probe allocations "a node"</c>: which types that call allocates, sampled by the runtime.
/// <c>probe generated-size</c>: files, lines and bytes per node that SdkNodes' and Refit's
/// generators produce for the IDE-loop corpus (Generator/IdeCorpus.cs), at 100 and 1,000 nodes.
/// <c>probe ide [nodes] [rounds]</c>: the IDE-loop rows for SdkNodes and Refit, interleaved, medians and ratios.
/// <c>probe generated-cost [nodes]</c>: bytes the compiler allocates for the generated code, both libraries.
/// </remarks>
public static class ProbeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string mode = args.Length > 1 ? args[1] : "inmemory";
        switch (mode)
        {
            case "loopback":
                await LoopbackAsync(RoundsFrom(args, 2, 30)).ConfigureAwait(false);
                return 0;
            case "loop":
                await LoopAsync(args[2], args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 15).ConfigureAwait(false);
                return 0;
            case "generated-size":
                foreach (int nodes in new[] { 100, 1000 })
                {
                    foreach (string library in new[] { "SdkNodes", "Refit" })
                    {
                        Console.WriteLine(SdkNodes.Benchmarks.Generator.IdeCorpus.GeneratedSize(library, nodes));
                    }
                }

                return 0;
            case "ide":
                IdeLoopProbe.Run(RoundsFrom(args, 2, 100), RoundsFrom(args, 3, 10));
                return 0;
            case "generated-cost":
                GeneratedCodeCost.Run(RoundsFrom(args, 2, 100));
                return 0;
            case "allocations":
                await AllocationsAsync(args[2]).ConfigureAwait(false);
                return 0;
            default:
                await InMemoryAsync(RoundsFrom(args, 1, 30)).ConfigureAwait(false);
                return 0;
        }
    }

    private static int RoundsFrom(string[] args, int index, int fallback)
        => args.Length > index && int.TryParse(args[index], out int rounds) ? rounds : fallback;

    private static async Task InMemoryAsync(int rounds)
    {
        using var handler = new CannedHandler();
        using var clients = new BenchClients(new Uri("http://bench.example/"), handler);
        await clients.VerifyAsync().ConfigureAwait(false);
        var runs = new InterleavedRuns(Calls(clients));
        await runs.RunAsync(rounds, concurrency: 1, callsFor: name => name.StartsWith('c') ? 200 : 10_000).ConfigureAwait(false);
        runs.Print("in memory", throughput: false);
    }

    private static async Task LoopbackAsync(int rounds)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync().ConfigureAwait(false);
        using var clients = new BenchClients(server.BaseAddress, handler: null);
        await clients.VerifyAsync().ConfigureAwait(false);
        foreach (int concurrency in new[] { 1, 64 })
        {
            var runs = new InterleavedRuns(Calls(clients));
            await runs.RunAsync(rounds, concurrency, callsFor: name => name.StartsWith('c') ? 256 : 1024).ConfigureAwait(false);
            runs.Print($"loopback, concurrency {concurrency}", throughput: true);
        }
    }

    private static async Task LoopAsync(string name, double seconds)
    {
        using var handler = new CannedHandler();
        using var clients = new BenchClients(new Uri("http://bench.example/"), handler);
        Func<Task> call = Calls(clients).Single(c => c.Name == name).Call;
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        TimeSpan paused = GC.GetTotalPauseDuration();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 1000; i++)
            {
                await call().ConfigureAwait(false);
            }

            calls += 1000;
        }

        Console.WriteLine($"{name}: {calls} calls, {clock.Elapsed.TotalMicroseconds / calls:F2} µs per call");

        // Collections per million calls and the share of time paused for them: a difference
        // here (objects surviving a gen 0 collection) costs time that no method profile shows.
        double perMillion = 1e6 / calls;
        Console.WriteLine(
            $"GC per million calls: gen 0 {(GC.CollectionCount(0) - collections[0]) * perMillion:F0}, gen 1 {(GC.CollectionCount(1) - collections[1]) * perMillion:F0}, gen 2 {(GC.CollectionCount(2) - collections[2]) * perMillion:F0}; " +
            $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / clock.Elapsed.TotalMilliseconds:P1} of the time");
    }

    private static async Task AllocationsAsync(string name)
    {
        using var handler = new CannedHandler();
        using var clients = new BenchClients(new Uri("http://bench.example/"), handler);
        Func<Task> call = Calls(clients).Single(c => c.Name == name).Call;
        for (int i = 0; i < 10_000; i++)
        {
            await call().ConfigureAwait(false);
        }

        using var sampler = new AllocationSampler();
        for (int i = 0; i < 300_000; i++)
        {
            await call().ConfigureAwait(false);
        }

        sampler.Print();
    }

    private static (string Name, Func<Task> Call)[] Calls(BenchClients clients) =>
    [
        ("a hand", clients.HandWrittenLookup), ("a node", clients.NodesLookup), ("a retry", clients.RetryNodesLookup), ("a refit", clients.RefitLookup),
        ("b hand", clients.HandWrittenPush), ("b node", clients.NodesPush), ("b retry", clients.RetryNodesPush), ("b refit", clients.RefitPush),
        ("c hand", clients.HandWrittenCatalog), ("c node", clients.NodesCatalog), ("c refit", clients.RefitCatalog),
    ];
}
