using System.Text.Json.Serialization;

namespace SdkNodes.Tests.Nodes;

/// <summary>A source-generated context that knows <see cref="IpInfo"/> and <see cref="Thing"/>.</summary>
[JsonSerializable(typeof(IpInfo))]
[JsonSerializable(typeof(Thing))]
public sealed partial class TestJsonContext : JsonSerializerContext
{
}

/// <summary>A source-generated context that knows <see cref="IpInfo"/> only.</summary>
[JsonSerializable(typeof(IpInfo))]
public sealed partial class IpInfoOnlyJsonContext : JsonSerializerContext
{
}

/// <summary>A source-generated context that knows <see cref="Thing"/> only.</summary>
[JsonSerializable(typeof(Thing))]
public sealed partial class ThingOnlyJsonContext : JsonSerializerContext
{
}
