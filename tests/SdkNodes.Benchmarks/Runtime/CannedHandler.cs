using System.Net;

namespace SdkNodes.Benchmarks.Runtime;

/// <summary>
/// An in-memory handler with canned answers, so a benchmark measures the client alone. It
/// drains a request body (a server would read it, and a lazily serialized body is only
/// written when read), then answers 200 with the case's JSON, its Content-Type held as raw
/// text the way a response read from a socket holds it (parsed only by whoever asks).
/// </summary>
public sealed class CannedHandler : HttpMessageHandler
{
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
        answer.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = answer, RequestMessage = request };
    }
}
