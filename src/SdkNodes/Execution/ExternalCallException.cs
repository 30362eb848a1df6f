using System;
using System.ComponentModel;

namespace SdkNodes;

/// <summary>
/// What an adapter (SdkNodes.Refit) throws when another client's call got no answer: the
/// client's own failure as <see cref="Exception.InnerException"/>, with the method and address
/// the call used, so the runtime describes the failure as for its own requests and knows
/// whether the call may be retried (a GET may; a POST only with an idempotency key).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ExternalCallException(string method, Uri? url, Exception failure)
    : Exception($"The {method} call failed before an answer came.", failure)
{
    /// <summary>The HTTP method the call used.</summary>
    public string Method { get; } = method;

    /// <summary>The address the call went to.</summary>
    public Uri? Url { get; } = url;
}
