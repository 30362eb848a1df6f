namespace SdkNodes.Tests.Headers;

/// <summary>A node that sets no header of its own: it sends only the runtime's.</summary>
[ApiRequest("GET", "/headers")]
public sealed partial class GetWithoutHeaders : IApiNode
{
}

/// <summary>A node that sets Accept and User-Agent on the class, and X-Tenant from a property.</summary>
[ApiRequest("GET", "/headers")]
[Header("Accept", "text/csv")]
[Header("User-Agent", "InventoryBot/3.0")]
public sealed partial class GetWithOwnHeaders : IApiNode
{
    [Header("X-Tenant")]
    public string? Tenant { get; init; }
}

/// <summary>A POST that sends an idempotency key in the default header, Idempotency-Key.</summary>
[ApiRequest("POST", "/headers")]
[IdempotencyKey]
public sealed partial class PostWithIdempotencyKey : IApiNode
{
}

/// <summary>The base of a family of nodes: not a node, not partial; its headers go to every node derived from it.</summary>
[Header("X-Api-Version", "2024-06-01")]
[Header("Accept", "application/xml")]
public abstract class ContosoApiNode
{
}

/// <summary>Inherits X-Api-Version from its base, and overrides the base's Accept.</summary>
[ApiRequest("GET", "/headers")]
[Header("Accept", "application/json")]
public sealed partial class GetContosoStock : ContosoApiNode, IApiNode
{
}
