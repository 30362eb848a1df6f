using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SdkNodes.Benchmarks.Runtime;

/// <summary>
/// The floor: the three calls written by hand on HttpClient. The URI is built with
/// string.Create over escaped values, headers go straight on the request, bodies are written
/// and read with the source-generated JsonTypeInfo, the response is streamed (headers read,
/// then the body deserialized from the stream).
/// </summary>
public sealed class HandWrittenClient(HttpClient client, Uri baseAddress)
{
    private readonly string _root = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');

    // The User-Agent SdkNodes sends by default, so all three clients send the same request.
    private static readonly string s_userAgent = NodeRuntimeOptions.DefaultUserAgent;

    public async Task<IpLookup> LookupAsync(string ip, string lang, string requestId, CancellationToken ct = default)
    {
        string escapedIp = Uri.EscapeDataString(ip);
        string escapedLang = Uri.EscapeDataString(lang);
        string uri = string.Create(
            _root.Length + "/ip/lookup?ip=".Length + escapedIp.Length + "&lang=".Length + escapedLang.Length,
            (_root, escapedIp, escapedLang),
            static (span, s) =>
            {
                int at = 0;
                Write(span, ref at, s._root);
                Write(span, ref at, "/ip/lookup?ip=");
                Write(span, ref at, s.escapedIp);
                Write(span, ref at, "&lang=");
                Write(span, ref at, s.escapedLang);
            });

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, UriKind.Absolute));
        request.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        return await SendAsync(request, BenchJsonContext.Default.IpLookup, ct).ConfigureAwait(false);
    }

    public async Task<OrderAck> PushOrderAsync(OrderRequest order, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_root + "/orders", UriKind.Absolute))
        {
            Content = JsonContent.Create(order, BenchJsonContext.Default.OrderRequest),
        };
        return await SendAsync(request, BenchJsonContext.Default.OrderAck, ct).ConfigureAwait(false);
    }

    public async Task<Catalog> CatalogAsync(CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_root + "/catalog", UriKind.Absolute));
        return await SendAsync(request, BenchJsonContext.Default.Catalog, ct).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken ct)
    {
        request.Headers.TryAddWithoutValidation("User-Agent", s_userAgent);
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using Stream stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, typeInfo, ct).ConfigureAwait(false)
               ?? throw new JsonException("The body was null.");
    }

    private static void Write(Span<char> span, ref int at, string text)
    {
        text.CopyTo(span[at..]);
        at += text.Length;
    }
}
