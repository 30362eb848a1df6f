using System.Text.Json;
using Refit;

namespace SdkNodes.Benchmarks.Runtime;

/// <summary>The three clients, set up alike against one address, and a check that each one works.</summary>
public sealed class BenchClients : IDisposable
{
    private readonly HttpClient _handWrittenHttp;
    private readonly HttpClient _refitHttp;

    /// <param name="baseAddress">Where the calls go.</param>
    /// <param name="handler">The in-memory handler, or null for real sockets (each client its own pool).</param>
    public BenchClients(Uri baseAddress, HttpMessageHandler? handler)
    {
        _handWrittenHttp = handler is null ? new HttpClient(new SocketsHttpHandler()) : new HttpClient(handler, disposeHandler: false);
        HandWritten = new HandWrittenClient(_handWrittenHttp, baseAddress);

        _refitHttp = handler is null ? new HttpClient(new SocketsHttpHandler()) : new HttpClient(handler, disposeHandler: false);
        _refitHttp.BaseAddress = baseAddress;

        // The User-Agent SdkNodes sends by default, so all three clients send the same request.
        _refitHttp.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", NodeRuntimeOptions.DefaultUserAgent);
        var refitJson = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = BenchJsonContext.Default };
        Refit = RestService.For<IBenchApi>(_refitHttp, new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(refitJson) });

        // The runtime's defaults: the 10 s timeout, history on.
        var options = new NodeRuntimeOptions { BaseAddress = baseAddress, JsonSerializerOptions = BenchJsonContext.Default.Options };
        options.HistorySinks.Add(History);
        Runtime = new NodeRuntime(options, handler);
    }

    public HandWrittenClient HandWritten { get; }

    public IBenchApi Refit { get; }

    public NodeRuntime Runtime { get; }

    public CountingHistorySink History { get; } = new();

    public Task<IpLookup> HandWrittenLookup() => HandWritten.LookupAsync(BenchPayloads.Ip, BenchPayloads.Lang, BenchPayloads.RequestId);

    public Task<NodeResult<IpLookup>> NodesLookup() =>
        new LookupNode { Ip = BenchPayloads.Ip, Lang = BenchPayloads.Lang, RequestId = BenchPayloads.RequestId }.SendAsync(Runtime);

    public Task<NodeResult<IpLookup>> RetryNodesLookup() =>
        new RetryLookupNode { Ip = BenchPayloads.Ip, Lang = BenchPayloads.Lang, RequestId = BenchPayloads.RequestId }.SendAsync(Runtime);

    public Task<IpLookup> RefitLookup() => Refit.Lookup(BenchPayloads.Ip, BenchPayloads.Lang, BenchPayloads.RequestId);

    public Task<OrderAck> HandWrittenPush() => HandWritten.PushOrderAsync(BenchPayloads.Order);

    public Task<NodeResult<OrderAck>> NodesPush() => new PushOrderNode { Order = BenchPayloads.Order }.SendAsync(Runtime);

    public Task<NodeResult<OrderAck>> RetryNodesPush() => new RetryPushOrderNode { Order = BenchPayloads.Order }.SendAsync(Runtime);

    public Task<OrderAck> RefitPush() => Refit.PushOrder(BenchPayloads.Order);

    public Task<Catalog> HandWrittenCatalog() => HandWritten.CatalogAsync();

    public Task<NodeResult<Catalog>> NodesCatalog() => new CatalogNode().SendAsync(Runtime);

    public Task<Catalog> RefitCatalog() => Refit.Catalog();

    /// <summary>Runs every call once and fails loudly when one of them does not give the expected answer.</summary>
    public async Task VerifyAsync()
    {
        Expect((await HandWrittenLookup()).City == "Shenzhen", "hand-written lookup");
        Expect((await RefitLookup()).City == "Shenzhen", "Refit lookup");
        Expect(Succeeded(await NodesLookup())?.City == "Shenzhen", "SdkNodes lookup");
        NodeResult<IpLookup> retried = await RetryNodesLookup();
        Expect(Succeeded(retried)?.City == "Shenzhen" && retried.Attempts.Count == 1, "SdkNodes [Retry] lookup, one attempt");

        Expect((await HandWrittenPush()).Status == "accepted", "hand-written push");
        Expect((await RefitPush()).Status == "accepted", "Refit push");
        Expect(Succeeded(await NodesPush())?.Status == "accepted", "SdkNodes push");
        Expect(Succeeded(await RetryNodesPush())?.Status == "accepted", "SdkNodes [Retry] + key push");

        Expect((await HandWrittenCatalog()).Items.Count == 800, "hand-written catalog");
        Expect((await RefitCatalog()).Items.Count == 800, "Refit catalog");
        Expect(Succeeded(await NodesCatalog())?.Items.Count == 800, "SdkNodes catalog");

        Expect(History.Count == 5, "SdkNodes history records");
        Expect(BenchPayloads.Lookup.Length is > 900 and < 1200, $"lookup is {BenchPayloads.Lookup.Length} bytes");
        Expect(BenchPayloads.OrderBytes is > 1900 and < 2300, $"order is {BenchPayloads.OrderBytes} bytes");
        Expect(BenchPayloads.CatalogPage.Length is > 95_000 and < 110_000, $"catalog is {BenchPayloads.CatalogPage.Length} bytes");
    }

    public void Dispose()
    {
        Runtime.Dispose();
        _handWrittenHttp.Dispose();
        _refitHttp.Dispose();
    }

    private static T? Succeeded<T>(NodeResult<T> result) =>
        result.IsSuccess ? result.Body : throw new InvalidOperationException($"SdkNodes call failed: {result}");

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup check failed: {what}.");
        }
    }
}
