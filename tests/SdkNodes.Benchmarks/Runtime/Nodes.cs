namespace SdkNodes.Benchmarks.Runtime;

// The three calls as SdkNodes nodes: relative templates, resolved against the runtime's
// BaseAddress (the in-memory host, or the Kestrel server's loopback address).

/// <summary>Case (a): GET with two query variables and a header.</summary>
[ApiRequest("GET", "/ip/lookup{?ip,lang}")]
public sealed partial class LookupNode : IApiNode<IpLookup>
{
    public required string Ip { get; init; }

    public required string Lang { get; init; }

    [Header("X-Request-Id")]
    public required string RequestId { get; init; }
}

/// <summary>
/// Case (a) with <c>[Retry(3)]</c> (issue 13): the same call through the retry pipeline; in the
/// benchmark the first attempt always succeeds, so this measures what the pipeline costs.
/// </summary>
[ApiRequest("GET", "/ip/lookup{?ip,lang}")]
[Retry(3)]
public sealed partial class RetryLookupNode : IApiNode<IpLookup>
{
    public required string Ip { get; init; }

    public required string Lang { get; init; }

    [Header("X-Request-Id")]
    public required string RequestId { get; init; }
}

/// <summary>Case (b): POST with a 2 KB JSON body.</summary>
[ApiRequest("POST", "/orders")]
public sealed partial class PushOrderNode : IApiNode<OrderAck>
{
    [Body]
    public required OrderRequest Order { get; init; }
}

/// <summary>
/// Case (b) with <c>[Retry(3)]</c> and <c>[IdempotencyKey]</c> (a POST is retried only with a
/// key): the pipeline plus one more header, a random key per call outside a workflow run.
/// </summary>
[ApiRequest("POST", "/orders")]
[Retry(3)]
[IdempotencyKey]
public sealed partial class RetryPushOrderNode : IApiNode<OrderAck>
{
    [Body]
    public required OrderRequest Order { get; init; }
}

/// <summary>Case (c): GET returning 100 KB of JSON.</summary>
[ApiRequest("GET", "/catalog")]
public sealed partial class CatalogNode : IApiNode<Catalog>
{
}
