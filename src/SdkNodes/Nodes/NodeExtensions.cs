using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// <c>SendAsync</c> for code that holds a node by its interface. A generated node's own
/// <c>SendAsync</c> does the same and is preferred by the compiler.
/// </summary>
public static class NodeExtensions
{
    /// <summary>Sends <paramref name="node"/> through <paramref name="runtime"/>.</summary>
    public static Task<NodeResult<TResponse>> SendAsync<TResponse>(this IApiNode<TResponse> node, NodeRuntime runtime, CancellationToken cancellationToken = default)
    {
        System.ArgumentNullException.ThrowIfNull(runtime);
        return runtime.SendAsync(node, cancellationToken);
    }

    /// <summary>Sends the untyped <paramref name="node"/> through <paramref name="runtime"/>.</summary>
    public static Task<NodeResult<JsonElement?>> SendAsync(this IApiNode node, NodeRuntime runtime, CancellationToken cancellationToken = default)
    {
        System.ArgumentNullException.ThrowIfNull(runtime);
        return runtime.SendAsync(node, cancellationToken);
    }
}
