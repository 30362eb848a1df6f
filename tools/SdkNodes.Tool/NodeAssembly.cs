using System.Reflection;
using System.Runtime.Loader;
using SdkNodes;

namespace SdkNodes.Tool;

/// <summary>
/// Loads a user's assembly with its dependencies (from its .deps.json) and reads the nodes of
/// its generated registry. The assembly shares this tool's SdkNodes, so its descriptors are ours.
/// </summary>
internal static class NodeAssembly
{
    public const string RegistryType = "SdkNodes.Generated.NodeRegistry";

    public static IReadOnlyList<NodeDescriptor> Load(string path)
    {
        string full = Path.GetFullPath(path);
        var resolver = new AssemblyDependencyResolver(full);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            resolver.ResolveAssemblyToPath(name) is { } dependency ? context.LoadFromAssemblyPath(dependency) : null;

        Assembly assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
        Type registry = assembly.GetType(RegistryType)
            ?? throw new ToolException($"'{path}' has no SdkNodes nodes: it has no generated {RegistryType}.");
        object? nodes = registry.GetProperty("Nodes", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        return nodes as IReadOnlyList<NodeDescriptor>
            ?? throw new ToolException($"'{path}' was built with another version of SdkNodes than this tool.");
    }
}

/// <summary>A usage error the tool reports with exit code 2.</summary>
internal sealed class ToolException(string message) : Exception(message);
