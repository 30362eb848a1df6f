using Refit;

namespace SdkNodes.Benchmarks.Runtime;

/// <summary>The three calls as a Refit 16.4 interface (its source generator writes the client).</summary>
public interface IBenchApi
{
    [Get("/ip/lookup")]
    Task<IpLookup> Lookup(string ip, string lang, [Refit.Header("X-Request-Id")] string requestId);

    [Post("/orders")]
    Task<OrderAck> PushOrder([Refit.Body] OrderRequest order);

    [Get("/catalog")]
    Task<Catalog> Catalog();
}
