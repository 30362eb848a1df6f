using System.Net;
using System.Net.Http.Headers;

namespace SdkNodes.Benchmarks.Runtime;

/// <summary>
/// An in-memory handler with canned answers, so a benchmark measures the client alone. It
/// drains a request body (a server would read it, and a lazily serialized body is only
/// written when read), then answers 200 with the case's JSON.
/// </summary>
public sealed class CannedHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        byte[] body = request.RequestUri!.AbsolutePath switch
        {
            "/ip/lookup" => BenchPayloads.Lookup,
            "/orders" => BenchPayloads.Ack,
            "/catalog" => BenchPayloads.CatalogPage,
            _ => throw new InvalidOperationException($"No canned answer for {request.RequestUri}."),
        };

        var answer = new ByteArrayContent(body);
        answer.Headers.ContentType = s_json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = answer, RequestMessage = request };
    }
}
