using SdkNodes;

namespace SdkNodes.Cluster;

/// <summary>A purchase request that was approved: the event the purchase workflow is triggered with.</summary>
public sealed record PurchaseApproved(string PurchaseId, string Sku, int Quantity, decimal Amount);

/// <summary>What the order system answers to each push.</summary>
public sealed record Accepted(string Id, string Status);

/// <summary>
/// Reserves the stock for a purchase. Like every push here it sends an idempotency key, so the
/// order system can tell a run recovered on another worker from a new purchase; the run id goes
/// along as a correlation header.
/// </summary>
[ApiRequest("POST", "/stock/reservations")]
[SuccessCodes(201)]
[IdempotencyKey]
public sealed partial class ReserveStock : IApiNode<Accepted>
{
    [Body]
    public required PurchaseApproved Purchase { get; init; }

    [Header("X-Run-Id")]
    public required string RunId { get; init; }
}

/// <summary>Charges the purchase's amount.</summary>
[ApiRequest("POST", "/payments")]
[SuccessCodes(201)]
[IdempotencyKey]
public sealed partial class ChargePayment : IApiNode<Accepted>
{
    [Body]
    public required PurchaseApproved Purchase { get; init; }

    [Header("X-Run-Id")]
    public required string RunId { get; init; }
}

/// <summary>Tells the warehouse to ship.</summary>
[ApiRequest("POST", "/shipments")]
[SuccessCodes(201)]
[IdempotencyKey]
public sealed partial class RequestShipment : IApiNode<Accepted>
{
    [Body]
    public required PurchaseApproved Purchase { get; init; }

    [Header("X-Run-Id")]
    public required string RunId { get; init; }
}

/// <summary>Pulls the orders changed since the last pull: what the scheduled workflow does.</summary>
[ApiRequest("GET", "/orders/changes")]
[IdempotencyKey]
public sealed partial class PullOrderChanges : IApiNode
{
    [Header("X-Run-Id")]
    public required string RunId { get; init; }
}
