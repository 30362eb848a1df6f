using SdkNodes;

namespace SdkNodes.Sample;

/// <summary>What the IP-attribution API answers.</summary>
public sealed record IpInfo(string Province, string City, string Isp);

/// <summary>A purchase order, as the order system takes it.</summary>
public sealed record Order(string OrderId, string Customer, decimal Amount, string City);

/// <summary>What the order system answers when it stores an order.</summary>
public sealed record OrderReceipt(string OrderId, string Status);

/// <summary>Looks up where an IP address is registered. The API key is a secret: it is redacted in the history.</summary>
[ApiRequest("GET", "/ip/ipNew{?ip,key}")]
[SuccessCodes(200)]
[ErrorMessage(401, "The API key was rejected")]
[ErrorCodeField("/error_code", Success = "0", MessagePointer = "/reason")]
[Header("Accept", "application/json")]
public sealed partial class IpAttribution : IApiNode<IpInfo>
{
    public required string Ip { get; init; }

    [Secret]
    public required string Key { get; init; }
}

/// <summary>
/// Pushes an order to the order system. Its load balancer drops a request now and then (503),
/// so the node retries; the idempotency key tells the order system a retry from a new order.
/// </summary>
[ApiRequest("POST", "/orders")]
[SuccessCodes(201)]
[ErrorMessage(409, "The order system already has this order")]
[Retry(2, Delay = 0.2)]
[IdempotencyKey]
public sealed partial class PushOrder : IApiNode<OrderReceipt>
{
    [Body]
    public required Order Order { get; init; }

    [Header("Authorization"), Secret]
    public string? Token { get; init; }
}

/// <summary>Reads a customer; the order system answers 404 for unknown ones, which maps to a readable message.</summary>
[ApiRequest("GET", "/customers/{customerId}")]
[ErrorMessage(404, "No such customer in the order system")]
[OnFailure(FailureAction.Continue)]
public sealed partial class LookupCustomer : IApiNode
{
    public required string CustomerId { get; init; }
}

/// <summary>Asks the order system for stock; its warehouse is slow today, so this node times out.</summary>
[ApiRequest("GET", "/inventory/{sku}")]
[Timeout(0.5)]
public sealed partial class CheckInventory : IApiNode
{
    public required string Sku { get; init; }
}

/// <summary>Reserves stock for an order; the purchase cannot go on without it, so a failure aborts the run.</summary>
[ApiRequest("POST", "/inventory/{sku}/reservations")]
[SuccessCodes(201)]
[ErrorMessage(409, "The warehouse has no stock left for this item")]
[OnFailure(FailureAction.Abort)]
public sealed partial class ReserveStock : IApiNode
{
    public required string Sku { get; init; }
}

/// <summary>What the identity provider answers for a token request (OAuth 2.0, RFC 6749 §5.1).</summary>
public sealed record TokenAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>
/// Asks the identity provider for an access token with client credentials, posted as an HTML form
/// (<c>application/x-www-form-urlencoded</c>). The client secret is a secret: the Test API shows it as "***" and does not save it.
/// </summary>
[ApiRequest("POST", "/oauth/token")]
[ErrorMessage(401, "The identity provider rejected the client credentials")]
public sealed partial class RequestToken : IApiNode<TokenAnswer>
{
    [FormField("grant_type")]
    public string GrantType { get; init; } = "client_credentials";

    [FormField("client_id")]
    public required string ClientId { get; init; }

    [FormField("client_secret"), Secret]
    public required string ClientSecret { get; init; }
}

/// <summary>What the document store answers for an upload.</summary>
public sealed record StoredDocument(string OrderId, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// Uploads an invoice to the document store as <c>multipart/form-data</c>: the file as a file
/// part named "file", the order it belongs to as a text part named "orderId".
/// </summary>
[ApiRequest("POST", "/documents")]
[SuccessCodes(201)]
[ErrorMessage(400, "The document store did not accept the upload")]
public sealed partial class UploadInvoice : IApiNode<StoredDocument>
{
    [FilePart]
    public required NodeFile File { get; init; }

    [FormField]
    public required string OrderId { get; init; }
}

/// <summary>Where an order is in the order system.</summary>
public enum OrderStatus
{
    Accepted,
    Shipped,
    Cancelled,
}

/// <summary>
/// Searches the order system's orders by status, amount and date. Made for trying the studio:
/// its parameters are an enum, a number, a date, a flag and a list.
/// </summary>
[ApiRequest("GET", "/orders{?status,minAmount,placedAfter,includeLines,tags}")]
[ErrorMessage(400, "The order system did not understand the search")]
public sealed partial class SearchOrders : IApiNode
{
    public OrderStatus? Status { get; init; }

    public decimal? MinAmount { get; init; }

    public DateOnly? PlacedAfter { get; init; }

    public bool IncludeLines { get; init; }

    public string[]? Tags { get; init; }
}

/// <summary>Checks that the order system is up without reading anything: a HEAD request, answered with headers only.</summary>
[ApiRequest("HEAD", "/orders")]
public sealed partial class OrderSystemStatus : IApiNode
{
}
