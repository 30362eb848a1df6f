using System.ComponentModel;
using System.Net.Http;
using System.Text.Json;

namespace SdkNodes;

/// <summary>
/// The members the source generator implements on every node class. The runtime calls
/// them; user code calls the generated public members (<c>SendAsync</c>, <c>CreateRequest()</c>,
/// <c>Descriptor</c>) instead.
/// </summary>
/// <remarks>
/// The default implementations only run when the generator did not implement the node (it has
/// build errors, or the generator is missing); they exist so that the compiler does not add
/// "member not implemented" errors on top of SdkNodes' own diagnostics.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGeneratedNode
{
    /// <summary>The node's descriptor (the same object as the class's static <c>Descriptor</c>).</summary>
    NodeDescriptor Descriptor => throw Generated.NodeRequest.NotGenerated(GetType().FullName ?? GetType().Name);

    /// <summary>
    /// Builds the request. A relative address is appended to <paramref name="baseRoot"/> (a base
    /// address without its trailing '/'), or stays relative when that is null.
    /// </summary>
    /// <exception cref="NodeInputException">A value breaks a rule (a required value is null, a header holds a line break).</exception>
    HttpRequestMessage CreateRequest(JsonSerializerOptions jsonOptions, string? baseRoot) => throw Generated.NodeRequest.NotGenerated(GetType().FullName ?? GetType().Name);

    /// <summary>The expanded URI, with <see cref="SecretAttribute"/> values replaced by <c>***</c> when asked.</summary>
    string FormatUri(bool redactSecrets) => throw Generated.NodeRequest.NotGenerated(GetType().FullName ?? GetType().Name);
}
