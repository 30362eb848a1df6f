namespace SdkNodes.Tests.History;

/// <summary>Secrets in the path and in the query of a relative template.</summary>
[ApiRequest("GET", "/accounts/{account}/items{?key,page}")]
public sealed partial class SecretPathAndQuery : IApiNode
{
    [Secret] public required string Account { get; init; }
    [Secret] public required string Key { get; init; }
    public int Page { get; init; }
}

/// <summary>A secret in a template with a literal scheme: never joined to a base address.</summary>
[ApiRequest("GET", "https://other.example.com/x/{token}")]
public sealed partial class SecretOnAbsoluteTemplate : IApiNode
{
    [Secret] public required string Token { get; init; }
}

/// <summary>A relative template whose first value supplies the scheme, so only the expanded text can tell.</summary>
[ApiRequest("GET", "{+target}/items/{key}")]
public sealed partial class SecretAfterExpandedTarget : IApiNode
{
    public required string Target { get; init; }
    [Secret] public required string Key { get; init; }
}

/// <summary>No secret in the address.</summary>
[ApiRequest("GET", "/plain/{id}{?q}")]
public sealed partial class NoSecretInAddress : IApiNode
{
    public required string Id { get; init; }
    public string? Q { get; init; }
}
