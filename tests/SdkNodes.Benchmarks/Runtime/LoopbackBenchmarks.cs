using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace SdkNodes.Benchmarks.Runtime;

/// <summary>
/// Throughput against a real Kestrel server on 127.0.0.1 in the same process: each invocation
/// sends <see cref="Requests"/> requests with <see cref="Concurrency"/> of them in flight, so
/// the reported mean is the time per request (its inverse is the throughput). Server and
/// client share the machine's cores, and the allocation column counts both.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class LoopbackBenchmarks
{
    public const int Requests = 256;

    private LoopbackServer _server = null!;
    private BenchClients _clients = null!;

    [Params(1, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackServer.StartAsync().GetAwaiter().GetResult();
        _clients = new BenchClients(_server.BaseAddress, handler: null);
        _clients.VerifyAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [BenchmarkCategory("a: GET 1 KB"), Benchmark(Baseline = true, Description = "hand-written", OperationsPerInvoke = Requests)]
    public Task LookupHandWritten() => RunAsync(_clients.HandWrittenLookup);

    [BenchmarkCategory("a: GET 1 KB"), Benchmark(Description = "SdkNodes", OperationsPerInvoke = Requests)]
    public Task LookupSdkNodes() => RunAsync(_clients.NodesLookup);

    [BenchmarkCategory("a: GET 1 KB"), Benchmark(Description = "Refit", OperationsPerInvoke = Requests)]
    public Task LookupRefit() => RunAsync(_clients.RefitLookup);

    [BenchmarkCategory("b: POST 2 KB"), Benchmark(Baseline = true, Description = "hand-written", OperationsPerInvoke = Requests)]
    public Task PushHandWritten() => RunAsync(_clients.HandWrittenPush);

    [BenchmarkCategory("b: POST 2 KB"), Benchmark(Description = "SdkNodes", OperationsPerInvoke = Requests)]
    public Task PushSdkNodes() => RunAsync(_clients.NodesPush);

    [BenchmarkCategory("b: POST 2 KB"), Benchmark(Description = "Refit", OperationsPerInvoke = Requests)]
    public Task PushRefit() => RunAsync(_clients.RefitPush);

    [BenchmarkCategory("c: GET 100 KB"), Benchmark(Baseline = true, Description = "hand-written", OperationsPerInvoke = Requests)]
    public Task CatalogHandWritten() => RunAsync(_clients.HandWrittenCatalog);

    [BenchmarkCategory("c: GET 100 KB"), Benchmark(Description = "SdkNodes", OperationsPerInvoke = Requests)]
    public Task CatalogSdkNodes() => RunAsync(_clients.NodesCatalog);

    [BenchmarkCategory("c: GET 100 KB"), Benchmark(Description = "Refit", OperationsPerInvoke = Requests)]
    public Task CatalogRefit() => RunAsync(_clients.RefitCatalog);

    // Concurrency workers, each sending its share of the requests one after another.
    private Task RunAsync(Func<Task> call)
    {
        int perWorker = Requests / Concurrency;
        var workers = new Task[Concurrency];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkAsync(call, perWorker);
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
