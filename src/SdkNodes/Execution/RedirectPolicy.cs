using System;
using System.Net;
using System.Net.Http;

namespace SdkNodes;

/// <summary>
/// How the runtime follows a redirect for nodes that allow it: the new request, or the reason
/// it is refused. Credentials never follow a redirect to another host.
/// </summary>
internal static class RedirectPolicy
{
    public static bool IsRedirect(HttpStatusCode status)
        => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>The request to send next, or a failure (HTTPS to HTTP, or too many redirects).</summary>
    public static (HttpRequestMessage? Next, NodeError? Refused) Follow(HttpRequestMessage current, HttpResponseMessage response, int followed, int max)
    {
        Uri from = current.RequestUri!;
        Uri to = new(from, response.Headers.Location!);
        if (followed >= max)
        {
            // The code is the redirect's status: the answer was a redirect, not a lost connection.
            return (null, new NodeError(NodeErrorKind.Protocol, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{from.Authority} redirected more than {max} times (a redirect loop?), so the request was stopped."));
        }

        if (from.Scheme == Uri.UriSchemeHttps && to.Scheme != Uri.UriSchemeHttps)
        {
            return (null, new NodeError(NodeErrorKind.Blocked, null,
                $"{from.Authority} redirected to an unencrypted (http) address, which the runtime does not follow."));
        }

        if (to.Scheme != Uri.UriSchemeHttp && to.Scheme != Uri.UriSchemeHttps)
        {
            return (null, new NodeError(NodeErrorKind.Blocked, null, $"{from.Authority} redirected to a '{to.Scheme}' address, which is not followed."));
        }

        // 303, and 301/302 after a POST, become a GET without a body (as browsers do).
        bool toGet = response.StatusCode == HttpStatusCode.SeeOther
                     || (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && current.Method == HttpMethod.Post);
        var next = new HttpRequestMessage(toGet && current.Method != HttpMethod.Head ? HttpMethod.Get : current.Method, to);
        if (!toGet)
        {
            next.Content = current.Content;
        }

        bool sameOrigin = string.Equals(from.Authority, to.Authority, StringComparison.OrdinalIgnoreCase) && from.Scheme == to.Scheme;
        foreach (var header in current.Headers)
        {
            if (!sameOrigin && (header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return (next, null);
    }
}

/// <summary>A failure found inside the exchange that already has its readable error.</summary>
internal sealed class NodeFailureException(NodeError error) : Exception(error.Message)
{
    public NodeError Error { get; } = error;
}
