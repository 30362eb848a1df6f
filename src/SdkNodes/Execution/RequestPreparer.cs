using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;

namespace SdkNodes;

/// <summary>
/// Turns a node into the request to send: builds it, resolves a relative address against the
/// node's base address, and gives the redacted URL and headers the history keeps.
/// </summary>
internal sealed class RequestPreparer
{
    private readonly JsonSerializerOptions _json;
    private readonly Uri? _baseAddress;
    private readonly Dictionary<string, Uri> _baseAddresses;
    private readonly HashSet<string> _sensitiveHeaders;

    public RequestPreparer(NodeRuntimeOptions options, JsonSerializerOptions json)
    {
        _json = json;
        _baseAddress = options.BaseAddress;
        _baseAddresses = new Dictionary<string, Uri>(options.BaseAddresses, StringComparer.Ordinal);
        _sensitiveHeaders = new HashSet<string>(options.SensitiveHeaders, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The request, or null (with the failure recorded on <paramref name="exchange"/>) when the node's values break a rule.</summary>
    public HttpRequestMessage? Build(IGeneratedNode node, NodeDescriptor descriptor, NodeExchange exchange)
    {
        HttpRequestMessage request;
        try
        {
            request = node.CreateRequest(_json);
        }
        catch (NodeInputException ex)
        {
            exchange.Fail(FailureMessages.InvalidInput(ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // The body type could not be written: typically a JsonSerializerContext without it.
            exchange.Fail(FailureMessages.InvalidInput($"The request body of {descriptor.Name} could not be written as JSON: {ex.Message}"));
            return null;
        }

        Uri? uri = request.RequestUri;
        string? problem = null;
        if (uri is not null && !uri.IsAbsoluteUri)
        {
            Uri? baseAddress = BaseFor(descriptor);
            if (baseAddress is null)
            {
                problem = $"{descriptor.Name} has the relative address '{descriptor.UriTemplate}' and no base address. " +
                          $"Set NodeRuntimeOptions.BaseAddress or BaseAddresses[\"{descriptor.Name}\"].";
            }
            else
            {
                request.RequestUri = new Uri(Combine(baseAddress, uri.OriginalString), UriKind.Absolute);
            }
        }
        else if (uri is not null && uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            problem = $"{descriptor.Name} expands to a '{uri.Scheme}' address; only http and https are sent.";
        }

        if (problem is not null)
        {
            request.Dispose();
            exchange.Fail(FailureMessages.InvalidInput(problem));
            return null;
        }

        return request;
    }

    public string RedactedUrl(IGeneratedNode node, NodeDescriptor descriptor)
    {
        string url = node.FormatUri(redactSecrets: true);
        if (Generated.NodeRequest.HasScheme(url))
        {
            return url;
        }

        return BaseFor(descriptor) is { } baseAddress ? Combine(baseAddress, url) : url;
    }

    public List<KeyValuePair<string, string>> RedactedHeaders(HttpRequestMessage? request, NodeDescriptor descriptor)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (request is null)
        {
            return headers;
        }

        foreach (var header in request.Headers.NonValidated)
        {
            headers.Add(new(header.Key, Redact(header.Key, header.Value.ToString(), descriptor)));
        }

        if (request.Content is { } content)
        {
            foreach (var header in content.Headers.NonValidated)
            {
                headers.Add(new(header.Key, Redact(header.Key, header.Value.ToString(), descriptor)));
            }
        }

        return headers;
    }

    public bool IsSensitiveHeader(string name) => _sensitiveHeaders.Contains(name);

    private string Redact(string name, string value, NodeDescriptor descriptor)
    {
        if (_sensitiveHeaders.Contains(name))
        {
            return Redaction.Mask;
        }

        foreach (string secret in descriptor.SecretHeaders)
        {
            if (string.Equals(secret, name, StringComparison.OrdinalIgnoreCase))
            {
                return Redaction.Mask;
            }
        }

        return value;
    }

    private Uri? BaseFor(NodeDescriptor descriptor)
    {
        if (_baseAddresses.TryGetValue(descriptor.FullName, out Uri? address) || _baseAddresses.TryGetValue(descriptor.Name, out address))
        {
            return address;
        }

        return _baseAddress;
    }

    // The relative address is appended to the base address's path (as Refit does), so a
    // base of https://host/v2 and a template /orders/{id} give https://host/v2/orders/1.
    private static string Combine(Uri baseAddress, string relative)
    {
        string root = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (relative.Length == 0 || relative[0] is '/' or '?' or '#')
        {
            return root + relative;
        }

        return root + "/" + relative;
    }
}
