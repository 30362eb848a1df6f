using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;

namespace SdkNodes;

/// <summary>
/// Turns what went wrong in an exchange into a <see cref="NodeError"/> with words a
/// non-programmer can read. Messages name the host, never the full URL: the URL may hold secrets.
/// </summary>
internal static class FailureMessages
{
    public static NodeError Timeout(Uri? uri, TimeSpan timeout) => new(
        NodeErrorKind.Timeout,
        null,
        $"No complete answer came from {HostOf(uri)} within {Seconds(timeout)}, so the request was stopped.");

    public static NodeError Cancelled() => new(NodeErrorKind.Cancelled, null, "The request was cancelled by the caller.");

    public static NodeError InvalidInput(string message) => new(NodeErrorKind.InvalidInput, null, message);

    public static NodeError TooLarge(long maxBytes) => new(
        NodeErrorKind.ResponseTooLarge,
        null,
        $"The response is larger than the allowed {maxBytes:N0} bytes, so it was not read.");

    public static NodeError FromException(Exception exception, Uri? uri)
    {
        string host = HostOf(uri);
        if (FindInner<BlockedAddressException>(exception) is { } blocked)
        {
            return new(NodeErrorKind.Blocked, null, blocked.Message);
        }

        return exception switch
        {
            ResponseTooLargeException tooLarge => TooLarge(tooLarge.MaxBytes),
            HttpRequestException http => FromHttpRequest(http, host),
            IOException => new(NodeErrorKind.Protocol, null, $"The connection to {host} was lost before the whole response arrived."),
            OperationCanceledException => new(NodeErrorKind.Unknown, null, $"The request to {host} was cancelled by the HTTP pipeline, not by the caller."),
            _ => new(NodeErrorKind.Unknown, null, $"The request to {host} failed: {exception.GetType().Name}."),
        };
    }

    private static NodeError FromHttpRequest(HttpRequestException exception, string host)
    {
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError =>
                new(NodeErrorKind.Connection, null, $"The host name of {host} could not be found. Check the address for typing errors."),
            HttpRequestError.ConnectionError =>
                new(NodeErrorKind.Connection, null, $"Could not connect to {host}: the connection was refused or could not be made."),
            HttpRequestError.SecureConnectionError when FindInner<AuthenticationException>(exception) is not null =>
                new(NodeErrorKind.Certificate, null, $"The secure connection to {host} failed: its TLS certificate is not trusted."),
            HttpRequestError.SecureConnectionError =>
                new(NodeErrorKind.Certificate, null, $"A secure (TLS) connection to {host} could not be made."),
            // The proxy answered the CONNECT of an HTTPS request with 407: the same refusal as a
            // 407 to a plain-HTTP request through it, so the same error (one rule, in ProxyFailures).
            HttpRequestError.ProxyTunnelError when exception.StatusCode == HttpStatusCode.ProxyAuthenticationRequired =>
                ProxyFailures.CredentialsRefused(),
            HttpRequestError.ProxyTunnelError =>
                new(NodeErrorKind.Proxy, null, $"The web proxy refused to connect to {host}, or could not be reached."),
            HttpRequestError.ResponseEnded =>
                new(NodeErrorKind.Protocol, null, $"The connection to {host} closed before the whole response arrived."),
            HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError =>
                new(NodeErrorKind.Protocol, null, $"The answer from {host} is not valid HTTP."),
            HttpRequestError.ConfigurationLimitExceeded =>
                new(NodeErrorKind.Protocol, null, $"The response headers from {host} are larger than allowed."),
            _ when FindInner<IOException>(exception) is not null =>
                new(NodeErrorKind.Connection, null, $"The connection to {host} was lost."),
            _ => new(NodeErrorKind.Connection, null, $"The request to {host} failed."),
        };
    }

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static string HostOf(Uri? uri) => uri is { IsAbsoluteUri: true } ? uri.Authority : "the server";

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds == 1 ? "1 second" : $"{timeout.TotalSeconds:0.###} seconds";
}
