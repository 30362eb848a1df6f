using System;
using System.Net;

namespace SdkNodes;

/// <summary>
/// Failures of a node that goes through the web proxy: with a proxy, the runtime only ever
/// connects to the proxy, so a connection failure means the proxy could not be reached.
/// </summary>
internal static class ProxyFailures
{
    public static NodeError Explain(NodeError error, IWebProxy proxy, Uri? target)
    {
        if (error.Kind is not NodeErrorKind.Connection || target is null || proxy.IsBypassed(target))
        {
            return error;
        }

        string where = proxy.GetProxy(target) is { } address ? address.Authority : "the configured address";
        return new NodeError(NodeErrorKind.Proxy, null, $"The web proxy at {where} could not be reached, so the request was not sent.");
    }

    /// <summary>
    /// The proxy answered 407: to a plain-HTTP request (the runtime sees the status) or to the
    /// CONNECT of an HTTPS one (SocketsHttpHandler throws). Both give this one error.
    /// </summary>
    public static NodeError CredentialsRefused() => new(
        NodeErrorKind.Proxy,
        "407",
        "The web proxy refused the request: its credentials are missing or wrong (407 Proxy Authentication Required).");
}
