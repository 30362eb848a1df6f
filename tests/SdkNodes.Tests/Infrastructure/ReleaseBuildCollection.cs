namespace SdkNodes.Tests.Infrastructure;

/// <summary>
/// Tests that build this repository's projects in Release (`dotnet pack`, `dotnet publish`)
/// run in this collection, one after another: two builds at once would write the same
/// obj/Release and bin/Release folders of src/SdkNodes and the generator.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReleaseBuildCollection
{
    public const string Name = "Release builds (one at a time)";
}
