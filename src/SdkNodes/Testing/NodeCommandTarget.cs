using System;
using System.Collections.Generic;

namespace SdkNodes;

/// <summary>
/// What the <c>list</c> and <c>test</c> commands of <see cref="NodeCommandLine"/> work on: the
/// nodes, the runtime that sends them, and the Test API's settings. A command asks for it once
/// its command line has parsed (the <c>sdknodes</c> tool loads the nodes from the assembly named
/// there) and disposes it when done, which disposes the runtime only when it is owned.
/// </summary>
public sealed class NodeCommandTarget : IDisposable
{
    private readonly bool _ownsRuntime;

    /// <summary>A target over <paramref name="nodes"/>, sent with <paramref name="runtime"/>.</summary>
    /// <param name="nodes">The nodes to list and test (<c>SdkNodes.Generated.NodeRegistry.Nodes</c>).</param>
    /// <param name="runtime">The runtime the tested node is sent with.</param>
    /// <param name="testerOptions">The Test API's settings; null for the defaults.</param>
    /// <param name="ownsRuntime">Whether disposing the target disposes <paramref name="runtime"/>.</param>
    public NodeCommandTarget(IEnumerable<NodeDescriptor> nodes, NodeRuntime runtime, NodeTesterOptions? testerOptions = null, bool ownsRuntime = false)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(runtime);
        Nodes = [.. nodes];
        Runtime = runtime;
        TesterOptions = testerOptions;
        _ownsRuntime = ownsRuntime;
    }

    /// <summary>The nodes to list and test.</summary>
    public IReadOnlyList<NodeDescriptor> Nodes { get; }

    /// <summary>The runtime the tested node is sent with.</summary>
    public NodeRuntime Runtime { get; }

    /// <summary>The Test API's settings; null for the defaults.</summary>
    public NodeTesterOptions? TesterOptions { get; }

    /// <summary>Disposes <see cref="Runtime"/> when the target owns it.</summary>
    public void Dispose()
    {
        if (_ownsRuntime)
        {
            Runtime.Dispose();
        }
    }
}
