using System.Text.Json;
using System.Text.Json.Serialization;

namespace SdkNodes.AotSample;

/// <summary>What the IP-attribution API answers.</summary>
public sealed record IpInfo(string Province, string City, string Isp);

/// <summary>A purchase order, as the order system takes it.</summary>
public sealed record Order(string OrderId, decimal Amount, string City);

/// <summary>What the order system answers when it stores an order.</summary>
public sealed record OrderReceipt(string OrderId, string Status, string IdempotencyKey);

/// <summary>Where an order is, as the order system's status API answers.</summary>
public sealed record OrderStatus(string OrderId, string Status);

/// <summary>The order system's status API, a hand-written Refit interface sent as a node through SdkNodes.Refit.</summary>
// global::Refit: inside namespace SdkNodes.*, "Refit" would name SdkNodes.Refit.
public interface IOrderStatusApi
{
    [global::Refit.Get("/orders/{orderId}/status")]
    Task<global::Refit.IApiResponse<OrderStatus>> GetStatusAsync(string orderId, CancellationToken cancellationToken);
}

/// <summary>How much the IP-attribution API tells (an enum in the query: the generated code names it without reflection).</summary>
public enum Detail
{
    Short,
    Full,
}

/// <summary>Looks up where an IP address is registered; the key is a secret and never reaches the history.</summary>
[ApiRequest("GET", "/ip/{ip}{?key,detail}")]
[SuccessCodes(200)]
[ErrorMessage(401, "The API key was rejected")]
[ErrorCodeField("/error_code", Success = "0", MessagePointer = "/reason")]
[OnFailure(FailureAction.Continue)]
[Header("Accept", "application/json")]
public sealed partial class IpAttribution : IApiNode<IpInfo>
{
    public required string Ip { get; init; }

    [Secret]
    public required string Key { get; init; }

    public Detail Detail { get; init; } = Detail.Full;
}

/// <summary>Pushes an order; the order system drops the first attempt (503), so the node retries with the same idempotency key.</summary>
[ApiRequest("POST", "/orders")]
[SuccessCodes(201)]
[Retry(1, Delay = 0.01)]
[IdempotencyKey]
public sealed partial class PushOrder : IApiNode<OrderReceipt>
{
    [Body]
    public required Order Order { get; init; }
}

/// <summary>Reads a customer, untyped: the body is a JsonElement. Unknown customers are a mapped 404.</summary>
[ApiRequest("GET", "/customers/{customerId}")]
[ErrorMessage(404, "No such customer in the order system")]
[OnFailure(FailureAction.Continue)]
public sealed partial class LookupCustomer : IApiNode
{
    public required string CustomerId { get; init; }
}

/// <summary>A contact in the CRM.</summary>
public sealed record Contact(string Id, [property: JsonPropertyName("full_name")] string Name, string Email, int Age);

/// <summary>Pushes only a contact's name and age (a data object with chosen fields: each is written with its own JSON metadata).</summary>
[SendObject("PATCH", "/contacts/{id}")]
[Fields(nameof(Contact.Name), nameof(Contact.Age))]
public sealed partial class PatchContact : IApiNode
{
    public required string Id { get; init; }

    [Body]
    public required Contact Contact { get; init; }
}

/// <summary>What the identity provider answers for a token request.</summary>
public sealed record TokenAnswer(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Asks for an access token with client credentials, posted as an HTML form.</summary>
[ApiRequest("POST", "/oauth/token")]
public sealed partial class RequestToken : IApiNode<TokenAnswer>
{
    [FormField("grant_type")]
    public string GrantType { get; init; } = "client_credentials";

    [FormField("client_id")]
    public required string ClientId { get; init; }

    [FormField("client_secret"), Secret]
    public required string ClientSecret { get; init; }
}

/// <summary>
/// Every type that crosses the wire as JSON. Given to the runtime as its
/// <see cref="NodeRuntimeOptions.JsonTypeInfoResolver"/>, so no reflection is used.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IpInfo))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(OrderReceipt))]
[JsonSerializable(typeof(OrderStatus))]
[JsonSerializable(typeof(Contact))]
[JsonSerializable(typeof(TokenAnswer))]
internal sealed partial class AotJson : JsonSerializerContext
{
}
