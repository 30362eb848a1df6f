namespace SdkNodes.Tests.Security;

public sealed record Payload(string Text);

/// <summary>Every place a secret can go: the URL, a [Secret] header, Authorization, Cookie, X-Api-Key, a custom sensitive header.</summary>
[ApiRequest("POST", "/vault/{account}{?key}")]
public sealed partial class SecretEverywhere : IApiNode<Payload>
{
    public required string Account { get; init; }
    [Secret] public required string Key { get; init; }
    [Header("X-Signature"), Secret] public string? Signature { get; init; }
    [Header("Authorization")] public string? Authorization { get; init; }
    [Header("Cookie")] public string? Cookie { get; init; }
    [Header("X-Api-Key")] public string? ApiKey { get; init; }
    [Header("X-Custom-Token")] public string? Custom { get; init; }
    [Body] public Payload? Payload { get; init; }
}

/// <summary>The same secrets on a node that aborts, so they meet the exception too.</summary>
[ApiRequest("GET", "/vault/{account}{?key}")]
[OnFailure(FailureAction.Abort)]
public sealed partial class SecretAbort : IApiNode
{
    public required string Account { get; init; }
    [Secret] public required string Key { get; init; }
    [Header("Authorization")] public string? Authorization { get; init; }
}
