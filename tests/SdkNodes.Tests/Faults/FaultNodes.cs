using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Faults;

// The nodes the fault, size-cap and load tests send to FaultServer.

/// <summary>Any fault route, with the runtime's default timeout (10 s): for faults that are not about time.</summary>
[ApiRequest("GET", "/faults/{fault}")]
public sealed partial class GetFault : IApiNode
{
    public required string Fault { get; init; }
}

/// <summary>A fault route with a 0.3 s timeout: for the slow routes, which hold for 30 s.</summary>
[ApiRequest("GET", "/faults/{fault}")]
[Timeout(0.3)]
public sealed partial class GetSlowFault : IApiNode
{
    public required string Fault { get; init; }
}

/// <summary>A fault route read as a typed body, to see invalid JSON fail as such.</summary>
[ApiRequest("GET", "/faults/{fault}")]
public sealed partial class GetFaultAsIpInfo : IApiNode<IpInfo>
{
    public required string Fault { get; init; }
}

/// <summary>A host under the reserved .invalid top-level domain (RFC 6761 §6.4): it never resolves.</summary>
[ApiRequest("GET", "http://no-such-host.invalid/ping")]
public sealed partial class GetNowhere : IApiNode
{
}

/// <summary>The 10 GiB body under the runtime's limit (<see cref="NodeRuntimeOptions.MaxResponseBytes"/>, 16 MiB by default).</summary>
[ApiRequest("GET", "/faults/huge{?chunked}")]
public sealed partial class GetHuge : IApiNode
{
    public bool? Chunked { get; init; }
}

/// <summary>The 10 GiB body under this node's own limit of 1 MiB.</summary>
[ApiRequest("GET", "/faults/huge{?chunked}")]
[MaxResponseBytes(1024 * 1024)]
public sealed partial class GetHugeWithinOneMebibyte : IApiNode
{
    public bool? Chunked { get; init; }
}

/// <summary>A small body under a per-node limit larger than the runtime's: the node's limit wins.</summary>
[ApiRequest("GET", "/items/{id}")]
[MaxResponseBytes(1_000_000)]
public sealed partial class GetItemWithOwnLimit : IApiNode
{
    public required string Id { get; init; }
}

/// <summary>One execution of the load test: request number <see cref="N"/> decides its fault.</summary>
[ApiRequest("GET", "/load/{n}")]
[Timeout(2)]
public sealed partial class LoadProbe : IApiNode
{
    public required int N { get; init; }
}
