namespace SdkNodes.Studio.Tests.Browser;

/// <summary>The browser tests share one studio and one browser, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioSession>
{
    public const string Name = "Studio in a browser";
}
