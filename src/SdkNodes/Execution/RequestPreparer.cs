using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SdkNodes;

/// <summary>
/// Turns a node into the request to send: builds it, resolves a relative address against the
/// node's base address, adds the runtime's default headers, and gives the redacted URL and headers the history keeps.
/// </summary>
internal sealed class RequestPreparer
{
    private const string UserAgentHeader = "User-Agent";

    private readonly JsonSerializerOptions _json;
    // Each base address as the root a relative address is appended to, worked out once.
    private readonly string? _baseRoot;
    private readonly Dictionary<string, string> _baseRoots;
    private readonly HashSet<string> _sensitiveHeaders;
    private readonly bool _headerValuesAsUtf8;

    // NodeRuntimeOptions.DefaultHeaders and the User-Agent, checked by OptionsValidator and
    // settled once: a plain array, so adding them costs no lookup or allocation of its own.
    private readonly KeyValuePair<string, string>[] _defaultHeaders;

    public RequestPreparer(NodeRuntimeOptions options, JsonSerializerOptions json)
    {
        _json = json;
        _baseRoot = options.BaseAddress is { } baseAddress ? RootOf(baseAddress) : null;
        _baseRoots = new Dictionary<string, string>(options.BaseAddresses.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, Uri> entry in options.BaseAddresses)
        {
            _baseRoots[entry.Key] = RootOf(entry.Value);
        }
        _sensitiveHeaders = new HashSet<string>(options.SensitiveHeaders, StringComparer.OrdinalIgnoreCase);
        _headerValuesAsUtf8 = options.SendHeaderValuesAsUtf8;
        _defaultHeaders = DefaultHeadersOf(options);
    }

    /// <summary>The headers every request gets unless the node sets them: a DefaultHeaders "User-Agent" wins over UserAgent.</summary>
    private static KeyValuePair<string, string>[] DefaultHeadersOf(NodeRuntimeOptions options)
    {
        var headers = new List<KeyValuePair<string, string>>(options.DefaultHeaders.Count + 1);
        bool hasUserAgent = false;
        foreach (KeyValuePair<string, string> header in options.DefaultHeaders)
        {
            headers.Add(header);
            hasUserAgent |= string.Equals(header.Key, UserAgentHeader, StringComparison.OrdinalIgnoreCase);
        }

        if (!hasUserAgent && options.UserAgent is { } userAgent)
        {
            headers.Add(new(UserAgentHeader, userAgent));
        }

        return [.. headers];
    }

    /// <summary>The request, or null (with the failure recorded on <paramref name="result"/>) when the node's values break a rule.</summary>
    public HttpRequestMessage? Build(IGeneratedNode node, NodeDescriptor descriptor, NodeResult result)
    {
        HttpRequestMessage request;
        try
        {
            request = node.CreateRequest(_json, BaseFor(descriptor));
        }
        catch (NodeInputException ex)
        {
            result.Fail(FailureMessages.InvalidInput(ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // The body type could not be written: typically a JsonSerializerContext without it.
            result.Fail(FailureMessages.InvalidInput($"The request body of {descriptor.Name} could not be written as JSON: {ex.Message}"));
            return null;
        }

        // Before the checks below, so a default value outside ASCII meets the same rule as the node's own.
        AddDefaultHeaders(request, descriptor);

        Uri? uri = request.RequestUri;
        string? problem = null;
        if (uri is not null && !uri.IsAbsoluteUri)
        {
            // Relative after CreateRequest: NodeRequest.Create found no scheme and had no base
            // address to join it to (the Uri's kind is its decision, read here).
            problem = $"{descriptor.Name} has the relative address '{descriptor.UriTemplate}' and no base address. " +
                      $"Set NodeRuntimeOptions.BaseAddress or BaseAddresses[\"{descriptor.Name}\"].";
        }
        else if (uri is not null && uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            problem = $"{descriptor.Name} expands to a '{uri.Scheme}' address; only http and https are sent.";
        }
        else if (!_headerValuesAsUtf8 && NonAsciiHeader(request) is { } header)
        {
            // SocketsHttpHandler would refuse it only while sending (a vague Connection failure),
            // and a server may garble it. The value is never quoted: it may be a secret.
            problem = $"The value of header '{header}' of {descriptor.Name} has characters outside ASCII, which HTTP headers cannot carry; " +
                      "set NodeRuntimeOptions.SendHeaderValuesAsUtf8 to send it as UTF-8.";
        }

        if (problem is not null)
        {
            request.Dispose();
            result.Fail(FailureMessages.InvalidInput(problem));
            return null;
        }

        return request;
    }

    /// <summary>
    /// Adds each default header the node did not set itself: not by a class or property header
    /// (already on the request), nor as its idempotency key header (added after this).
    /// </summary>
    /// <remarks>
    /// Runs on every request. Values go in as the strings they are (no parsing, nothing copied);
    /// the NonValidated view is a struct and Contains allocates nothing.
    /// </remarks>
    private void AddDefaultHeaders(HttpRequestMessage request, NodeDescriptor descriptor)
    {
        KeyValuePair<string, string>[] defaults = _defaultHeaders;
        if (defaults.Length == 0)
        {
            // UserAgent = null and no DefaultHeaders: the request's header collection is not even made here.
            return;
        }

        HttpRequestHeaders headers = request.Headers;
        for (int i = 0; i < defaults.Length; i++)
        {
            string name = defaults[i].Key;
            if (!headers.NonValidated.Contains(name)
                && !string.Equals(name, descriptor.IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase))
            {
                headers.TryAddWithoutValidation(name, defaults[i].Value);
            }
        }
    }

    /// <summary>The name of the first request or content header with a value outside ASCII, or null when all are ASCII.</summary>
    /// <remarks>
    /// Runs on every request: the NonValidated view and its enumerators are structs, and a value
    /// added without validation is read as the string it was given, so nothing is allocated.
    /// Class headers too are checked here: the build (SDKN019) refuses only CR, LF and NUL.
    /// </remarks>
    private static string? NonAsciiHeader(HttpRequestMessage request)
    {
        if (NonAsciiHeader(request.Headers.NonValidated) is { } name)
        {
            return name;
        }

        return request.Content is { } content ? NonAsciiHeader(content.Headers.NonValidated) : null;
    }

    private static string? NonAsciiHeader(HttpHeadersNonValidated headers)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in headers)
        {
            foreach (string value in header.Value)
            {
                if (!Ascii.IsValid(value))
                {
                    return header.Key;
                }
            }
        }

        return null;
    }

    /// <summary>The URL the history shows: secrets in it masked.</summary>
    /// <param name="node">The node.</param>
    /// <param name="descriptor">Its descriptor.</param>
    /// <param name="request">The request <see cref="Build"/> gave, or null when it gave none.</param>
    /// <remarks>
    /// The common case, no secret in the URI and a request built, expands and joins nothing:
    /// the address just sent is the one to show. With a secret, the masked expansion is the
    /// only way to the text (the sent one holds the value), and it goes where the sent one went
    /// through the same decision (<see cref="Generated.NodeRequest.Resolve"/>).
    /// </remarks>
    public string RedactedUrl(IGeneratedNode node, NodeDescriptor descriptor, HttpRequestMessage? request)
    {
        // Build gives only requests with an absolute http(s) address, so nothing is decided here.
        if (request?.RequestUri is { } sent && !HasSecretInUri(descriptor))
        {
            return sent.OriginalString;
        }

        string url = node.FormatUri(redactSecrets: true);
        return Generated.NodeRequest.Resolve(url, Generated.NodeRequest.IsAbsolute(url, descriptor), BaseFor(descriptor));
    }

    // A secret that is not a header may be written into the URI (masked only by FormatUri(true)).
    private static bool HasSecretInUri(NodeDescriptor descriptor)
    {
        // Indexed: foreach over an IReadOnlyList allocates an enumerator.
        IReadOnlyList<NodeParameter> parameters = descriptor.Parameters;
        for (int i = 0; i < parameters.Count; i++)
        {
            NodeParameter parameter = parameters[i];
            if (parameter.IsSecret && parameter.Binding != NodeParameterBinding.Header)
            {
                return true;
            }
        }

        return false;
    }

    public KeyValuePair<string, string>[] RedactedHeaders(HttpRequestMessage? request, NodeDescriptor descriptor)
    {
        if (request is null)
        {
            return [];
        }

        // Sized exactly: the history keeps this array.
        HttpHeadersNonValidated contentHeaders = request.Content?.Headers.NonValidated ?? default;
        var headers = new KeyValuePair<string, string>[request.Headers.NonValidated.Count + contentHeaders.Count];
        int at = 0;
        foreach (var header in request.Headers.NonValidated)
        {
            headers[at++] = new(header.Key, Redact(header.Key, header.Value.ToString(), descriptor));
        }

        foreach (var header in contentHeaders)
        {
            headers[at++] = new(header.Key, Redact(header.Key, header.Value.ToString(), descriptor));
        }

        return headers;
    }

    /// <summary>Headers another client sent, with sensitive and secret values masked.</summary>
    public KeyValuePair<string, string>[] Redact(IReadOnlyList<KeyValuePair<string, string>> headers, NodeDescriptor descriptor)
    {
        var redacted = new KeyValuePair<string, string>[headers.Count];
        for (int i = 0; i < headers.Count; i++)
        {
            redacted[i] = new(headers[i].Key, Redact(headers[i].Key, headers[i].Value, descriptor));
        }

        return redacted;
    }

    public bool IsSensitiveHeader(string name) => _sensitiveHeaders.Contains(name);

    private string Redact(string name, string value, NodeDescriptor descriptor)
    {
        if (_sensitiveHeaders.Contains(name))
        {
            return Redaction.Mask;
        }

        IReadOnlyList<string> secretHeaders = descriptor.SecretHeaders;
        for (int i = 0; i < secretHeaders.Count; i++)
        {
            if (string.Equals(secretHeaders[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return Redaction.Mask;
            }
        }

        return value;
    }

    private string? BaseFor(NodeDescriptor descriptor)
    {
        if (_baseRoots.Count > 0
            && (_baseRoots.TryGetValue(descriptor.FullName, out string? root) || _baseRoots.TryGetValue(descriptor.Name, out root)))
        {
            return root;
        }

        return _baseRoot;
    }

    private static string RootOf(Uri baseAddress) => baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
