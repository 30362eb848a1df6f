using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Threading;

namespace SdkNodes;

/// <summary>
/// The response and content headers as one case-insensitive map, gathered on first use: a
/// caller that never reads <see cref="NodeResult.Headers"/> pays no dictionary and no header
/// strings. The headers of a response stay readable after it is disposed.
/// </summary>
internal sealed class ResponseHeaders : IReadOnlyDictionary<string, string>
{
    private readonly HttpResponseMessage _response;
    private Dictionary<string, string>? _map;

    private ResponseHeaders(HttpResponseMessage response) => _response = response;

    public int Count => Map.Count;

    public IEnumerable<string> Keys => Map.Keys;

    public IEnumerable<string> Values => Map.Values;

    private Dictionary<string, string> Map => _map ?? Gather();

    public string this[string key] => Map[key];

    public static IReadOnlyDictionary<string, string> Collect(HttpResponseMessage response) => new ResponseHeaders(response);

    public bool ContainsKey(string key) => Map.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Map.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Map.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, string> Gather()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in _response.Headers.NonValidated)
        {
            headers[header.Key] = header.Value.ToString();
        }

        foreach (var header in _response.Content.Headers.NonValidated)
        {
            headers[header.Key] = header.Value.ToString();
        }

        // Two readers may race here; both build the same map and the first one stays.
        return Interlocked.CompareExchange(ref _map, headers, null) ?? headers;
    }
}
