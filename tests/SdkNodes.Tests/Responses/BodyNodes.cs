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
public sealed partial class DownloadStream : IApiNode<Stream>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/files/{name}")]
[Timeout(5)]
public sealed partial class DownloadStreamWithinFiveSeconds : IApiNode<Stream>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/files/{name}")]
[MaxResponseBytes(1024)]
public sealed partial class DownloadStreamUpToOneKilobyte : IApiNode<Stream>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/files/{name}")]
[Retry(2, Delay = 0)]
public sealed partial class DownloadStreamRetried : IApiNode<Stream>
{
    public required string Name { get; init; }
}

[ApiRequest("GET", "/files/{name}")]
public sealed partial class DownloadAnything : IApiNode
{
    public required string Name { get; init; }
}
