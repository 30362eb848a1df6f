namespace SdkNodes.PostgreSql.Tests;

/// <summary>A node with a secret in its URL and another in a header: the runtime redacts both before any sink sees them.</summary>
[ApiRequest("GET", "/places{?city,key}")]
public sealed partial class FindPlaceWithKey : IApiNode
{
    public required string City { get; init; }

    [Secret]
    public required string Key { get; init; }

    [Header("Authorization"), Secret]
    public string? Token { get; init; }
}
