using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace SdkNodes.Benchmarks.Runtime;

/// <summary>
/// Client overhead alone: the same three calls, hand-written on HttpClient (the baseline of
/// each case), as SdkNodes nodes, and through Refit 16.4, all over one in-memory handler that
/// answers with canned JSON.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InMemoryBenchmarks
{
    private CannedHandler _handler = null!;
    private BenchClients _clients = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new CannedHandler();
        _clients = new BenchClients(new Uri("http://bench.example/"), _handler);
        _clients.VerifyAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _handler.Dispose();
    }

    [BenchmarkCategory("a: GET 1 KB"), Benchmark(Baseline = true, Description = "hand-written")]
    public Task<IpLookup> LookupHandWritten() => _clients.HandWrittenLookup();

    [BenchmarkCategory("a: GET 1 KB"), Benchmark(Description = "SdkNodes")]
    public Task<NodeResult<IpLookup>> LookupSdkNodes() => _clients.NodesLookup();

    [BenchmarkCategory("a: GET 1 KB"), Benchmark(Description = "SdkNodes [Retry]")]
    public Task<NodeResult<IpLookup>> LookupSdkNodesRetry() => _clients.RetryNodesLookup();

    [BenchmarkCategory("a: GET 1 KB"), Benchmark(Description = "Refit")]
    public Task<IpLookup> LookupRefit() => _clients.RefitLookup();

    [BenchmarkCategory("b: POST 2 KB"), Benchmark(Baseline = true, Description = "hand-written")]
    public Task<OrderAck> PushHandWritten() => _clients.HandWrittenPush();

    [BenchmarkCategory("b: POST 2 KB"), Benchmark(Description = "SdkNodes")]
    public Task<NodeResult<OrderAck>> PushSdkNodes() => _clients.NodesPush();

    [BenchmarkCategory("b: POST 2 KB"), Benchmark(Description = "SdkNodes [Retry] + key")]
    public Task<NodeResult<OrderAck>> PushSdkNodesRetry() => _clients.RetryNodesPush();

    [BenchmarkCategory("b: POST 2 KB"), Benchmark(Description = "Refit")]
    public Task<OrderAck> PushRefit() => _clients.RefitPush();

    [BenchmarkCategory("c: GET 100 KB"), Benchmark(Baseline = true, Description = "hand-written")]
    public Task<Catalog> CatalogHandWritten() => _clients.HandWrittenCatalog();

    [BenchmarkCategory("c: GET 100 KB"), Benchmark(Description = "SdkNodes")]
    public Task<NodeResult<Catalog>> CatalogSdkNodes() => _clients.NodesCatalog();

    [BenchmarkCategory("c: GET 100 KB"), Benchmark(Description = "Refit")]
    public Task<Catalog> CatalogRefit() => _clients.RefitCatalog();
}
