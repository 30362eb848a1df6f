using System.Text.Json;
using System.Text.Json.Serialization;

namespace SdkNodes.Benchmarks.Runtime;

// The three calls' payloads, shared by the hand-written client, the SdkNodes nodes and the
// Refit interface, all read and written through one source-generated BenchJsonContext.

/// <summary>Case (a): the answer of an IP lookup, about 1 KB of JSON.</summary>
public sealed record IpLookup(
    string Ip,
    string Country,
    string Region,
    string City,
    string Isp,
    string Organization,
    int Asn,
    double Latitude,
    double Longitude,
    string TimeZone,
    string Language,
    bool IsProxy,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> Tags);

/// <summary>Case (b): an order pushed as a 2 KB JSON body.</summary>
public sealed record OrderRequest(string CustomerId, string Currency, string Note, IReadOnlyList<OrderLine> Lines);

/// <summary>One line of an order.</summary>
public sealed record OrderLine(string Sku, string Name, int Quantity, decimal UnitPrice);

/// <summary>Case (b): the small answer to a pushed order.</summary>
public sealed record OrderAck(string OrderId, string Status, decimal Total);

/// <summary>Case (c): a catalog page, about 100 KB of JSON.</summary>
public sealed record Catalog(int Page, int Total, IReadOnlyList<Product> Items);

/// <summary>One catalog product.</summary>
public sealed record Product(int Id, string Sku, string Name, decimal Price, bool InStock, IReadOnlyList<string> Tags);

/// <summary>The one source-generated context every client uses (web defaults: camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IpLookup))]
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(OrderAck))]
[JsonSerializable(typeof(Catalog))]
public sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>The canned bodies and the request values of the three cases.</summary>
public static class BenchPayloads
{
    public const string Ip = "203.0.113.42";
    public const string Lang = "zh-CN";
    public const string RequestId = "bench-7f3c2a";

    public static readonly OrderRequest Order = new(
        "customer-000123",
        "EUR",
        "Leave at the back door, ring twice.",
        [.. Enumerable.Range(1, 22).Select(i => new OrderLine($"SKU-{i:D6}", $"Product number {i} in the spring range", i % 5 + 1, 9.95m + i))]);

    public static readonly byte[] Lookup = JsonSerializer.SerializeToUtf8Bytes(
        new IpLookup(
            Ip,
            "China",
            "Guangdong",
            "Shenzhen",
            "China Telecom Guangdong Province Network",
            "Shenzhen Example Cloud Computing Co., Ltd.",
            4134,
            22.5431,
            114.0579,
            "Asia/Shanghai",
            Lang,
            false,
            [.. Enumerable.Range(0, 19).Select(i => $"203.0.{i * 16}.0/20")],
            [.. Enumerable.Range(0, 20).Select(i => $"attribute-tag-{i}")]),
        BenchJsonContext.Default.IpLookup);

    public static readonly byte[] Ack = JsonSerializer.SerializeToUtf8Bytes(
        new OrderAck("ord-5f2b9c41", "accepted", 1234.50m), BenchJsonContext.Default.OrderAck);

    public static readonly byte[] CatalogPage = JsonSerializer.SerializeToUtf8Bytes(
        new Catalog(
            1,
            800,
            [.. Enumerable.Range(1, 800).Select(i => new Product(
                i,
                $"SKU-{i:D6}",
                $"Catalog product {i}, colour {i % 7}",
                4.99m + i,
                i % 3 != 0,
                [$"cat-{i % 10}", "spring"]))]),
        BenchJsonContext.Default.Catalog);

    public static int OrderBytes => JsonSerializer.SerializeToUtf8Bytes(Order, BenchJsonContext.Default.OrderRequest).Length;
}
