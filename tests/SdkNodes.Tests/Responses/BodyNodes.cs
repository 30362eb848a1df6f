namespace SdkNodes.Tests.Responses;

// Nodes for the binary and streamed answer tests; each reads /files/{name} of the test's server.

[ApiRequest("GET", "/files/{name}")]
public sealed partial class DownloadBytes : IApiNode<byte[]>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/files/{name}")]
public sealed partial class DownloadBytesOrNothing : IApiNode<byte[]?>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/files/{name}")]
public sealed partial class DownloadAnything : IApiNode
{
    public required string Name { get; init; }
}
