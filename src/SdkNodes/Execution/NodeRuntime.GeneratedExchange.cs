using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

public sealed partial class NodeRuntime
{
    /// <summary>
    /// A generated node's exchange: the request its generated code builds, sent through the
    /// runtime's handlers, the body read under the size cap and judged against the node's
    /// success codes, error codes and response type. A struct: no allocation per execution.
    /// </summary>
    internal readonly struct GeneratedExchange<T>(NodeRuntime runtime, IGeneratedNode node, NodeDescriptor descriptor, BodyReader<T> reader, bool keepRawBody)
        : INodeExchange<T>
    {
        public PreparedRequest Prepare(NodeResult result, bool forHistory, string? idempotencyKey, bool send)
        {
            HttpRequestMessage? request = send ? runtime._requests.Build(node, descriptor, result) : null;
            AddIdempotencyKey(request, descriptor, idempotencyKey);
            return forHistory
                ? new PreparedRequest(request is not null, request, request?.RequestUri, runtime._requests.RedactedUrl(node, descriptor, request), runtime._requests.RedactedHeaders(request, descriptor))
                : new PreparedRequest(request is not null, request, request?.RequestUri, null, null);
        }

        public ValueTask<T?> SendAsync(PreparedRequest prepared, NodeResult attempt, int number, string? idempotencyKey, CancellationToken cancellationToken)
        {
            if (number == 1)
            {
                // The prepared request; the shell disposes it.
                return ExchangeAsync(prepared.Request!, attempt, cancellationToken);
            }

            // A request is sent once: a retry builds it again from the same values.
            return SendAgainAsync(idempotencyKey, attempt, cancellationToken);
        }

        public NodeError Describe(Exception exception, PreparedRequest prepared) => runtime.DescribeSendFailure(exception, prepared.Target, descriptor);

        public string Method(PreparedRequest prepared) => descriptor.Method;

        public (string Url, IReadOnlyList<KeyValuePair<string, string>> Headers) History(PreparedRequest prepared)
            => (prepared.HistoryUrl ?? descriptor.UriTemplate, prepared.HistoryHeaders ?? []);

        private async ValueTask<T?> SendAgainAsync(string? idempotencyKey, NodeResult attempt, CancellationToken cancellationToken)
        {
            using HttpRequestMessage request = runtime._requests.Build(node, descriptor, attempt)
                ?? throw new NodeFailureException(attempt.Error!);
            AddIdempotencyKey(request, descriptor, idempotencyKey);
            return await ExchangeAsync(request, attempt, cancellationToken).ConfigureAwait(false);
        }

        // A Stream node's body is handed out unread; every other node's is read whole.
        private ValueTask<T?> ExchangeAsync(HttpRequestMessage request, NodeResult attempt, CancellationToken cancellationToken)
            => reader.Kind == BodyKind.Stream
                ? runtime.ExchangeStreamAsync(request, descriptor, reader, attempt, keepRawBody, cancellationToken)
                : runtime.ExchangeAsync(request, descriptor, reader, attempt, keepRawBody, cancellationToken);

        private static void AddIdempotencyKey(HttpRequestMessage? request, NodeDescriptor descriptor, string? idempotencyKey)
        {
            if (request is not null && idempotencyKey is not null)
            {
                request.Headers.TryAddWithoutValidation(descriptor.IdempotencyKeyHeader!, idempotencyKey);
            }
        }
    }

    // What a failed send means: a refusal the runtime made itself (a redirect it would not
    // follow), or what the handler threw, told as a proxy failure when the node goes through one.
    private NodeError DescribeSendFailure(Exception ex, Uri? target, NodeDescriptor descriptor)
    {
        if (ex is NodeFailureException failure)
        {
            return failure.Error;
        }

        NodeError error = FailureMessages.FromException(ex, target);
        return _invokers.ProxyFor(descriptor) is { } proxy ? ProxyFailures.Explain(error, proxy, target) : error;
    }

    // The exchange proper, inside the attempt's timeout: send, read the whole body, then judge it.
    private async ValueTask<T?> ExchangeAsync<T>(HttpRequestMessage request, NodeDescriptor descriptor, BodyReader<T> reader, NodeResult result, bool keepRawBody, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(request, descriptor, cancellationToken).ConfigureAwait(false);
        string? contentType = TakeAnswerHead(response, result);

        if (request.Method == HttpMethod.Head)
        {
            return Judge(descriptor, reader, result, [], hasBody: false);
        }

        using ResponseBytes bytes = await ResponseBytes.ReadAsync(response.Content, contentType, descriptor.MaxResponseBytes ?? _maxResponseBytes, cancellationToken).ConfigureAwait(false);
        result.ContentLength = bytes.Length;
        return JudgeBody(descriptor, reader, result, bytes, contentType, keepRawBody);
    }

    // What arrived before the body: the status and headers. Returns the raw Content-Type header.
    private static string? TakeAnswerHead(HttpResponseMessage response, NodeResult result)
    {
        result.StatusCode = (int)response.StatusCode;
        result.Headers = ResponseHeaders.Collect(response);
        string? contentType = MediaTypes.HeaderOf(response.Content);
        result.ContentTypeHeader = contentType;
        return contentType;
    }

    // Judges a body read whole, and keeps its text for RawBody when it is text and is to be kept.
    private T? JudgeBody<T>(NodeDescriptor descriptor, BodyReader<T> reader, NodeResult result, in ResponseBytes bytes, string? contentType, bool keepRawBody)
    {
        bool isText = !MediaTypes.IsBinary(contentType, bytes.Span);
        if (reader.Kind == BodyKind.Bytes)
        {
            // The exact bytes, whatever charset or byte order mark the header or body claims.
            T? data = Judge(descriptor, reader, result, bytes.Span, hasBody: true);
            if (isText && KeepsRawBody(keepRawBody, result, data))
            {
                KeepText(result, bytes);
            }

            return data;
        }

        if (bytes.Encoding.CodePage == System.Text.Encoding.UTF8.CodePage || !isText)
        {
            // Judged straight from the pooled buffer; a copy is kept (in chunks when large) for
            // RawBody only when it is to be kept, and decoded only when someone reads it. A
            // binary body is never kept: as text it would be lossy.
            ReadOnlySpan<byte> span = bytes.Span;
            ReadOnlySpan<byte> utf8 = span.StartsWith("\uFEFF"u8) ? span[3..] : span;
            T? body = Judge(descriptor, reader, result, utf8, hasBody: true);
            if (isText && result.RawBodyText is null && KeepsRawBody(keepRawBody, result, body))
            {
                result.RawBodyUtf8 = KeptBody.Keep(utf8);
            }
            else if (!isText && keepRawBody)
            {
                // Only the scope's own request (the Test API, which can save the body) keeps a
                // binary body, as its exact bytes: no other execution pays for the copy.
                result.RawBodyBytes = span.ToArray();
            }

            return body;
        }

        // JSON readers want UTF-8: a body in another charset is decoded and re-encoded (and the
        // text, made anyway, is kept).
        string text = bytes.GetText();
        result.RawBodyText = text;
        return Judge(descriptor, reader, result, System.Text.Encoding.UTF8.GetBytes(text), hasBody: true);
    }

    // The text of a body kept for RawBody: UTF-8 bytes decoded on first read, or another charset decoded now.
    private static void KeepText(NodeResult result, in ResponseBytes bytes)
    {
        if (bytes.Encoding.CodePage == System.Text.Encoding.UTF8.CodePage)
        {
            ReadOnlySpan<byte> span = bytes.Span;
            result.RawBodyUtf8 = KeptBody.Keep(span.StartsWith("\uFEFF"u8) ? span[3..] : span);
        }
        else
        {
            result.RawBodyText = bytes.GetText();
        }
    }

    // See RawBodyRetention: the text is kept unless the body was read into Body.
    private bool KeepsRawBody<T>(bool keepRawBody, NodeResult result, T? body)
        => _keepRawBody || keepRawBody || result.Outcome != NodeOutcome.Succeeded || body is null;

    // Most nodes follow no redirect: their request goes straight to the handler.
    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, NodeDescriptor descriptor, CancellationToken cancellationToken)
    {
        HttpMessageInvoker invoker = _invokers.Get(descriptor);
        return descriptor.MaxRedirects == 0
            ? invoker.SendAsync(request, cancellationToken)
            : SendFollowingRedirectsAsync(invoker, request, descriptor, cancellationToken);
    }

    private static async Task<HttpResponseMessage> SendFollowingRedirectsAsync(HttpMessageInvoker invoker, HttpRequestMessage request, NodeDescriptor descriptor, CancellationToken cancellationToken)
    {
        HttpRequestMessage current = request;
        for (int followed = 0; ; followed++)
        {
            HttpResponseMessage response = await invoker.SendAsync(current, cancellationToken).ConfigureAwait(false);
            if (!RedirectPolicy.IsRedirect(response.StatusCode) || response.Headers.Location is null)
            {
                return response;
            }

            (HttpRequestMessage? next, NodeError? refused) = RedirectPolicy.Follow(current, response, followed, descriptor.MaxRedirects);
            response.Dispose();
            if (!ReferenceEquals(current, request))
            {
                current.Content = null; // shared with the first request, which disposes it
                current.Dispose();
            }

            current = next ?? throw new NodeFailureException(refused!);
        }
    }

    private T? Judge<T>(NodeDescriptor descriptor, BodyReader<T> reader, NodeResult result, ReadOnlySpan<byte> utf8, bool hasBody)
    {
        NodeError? error = ResponseEvaluator.Judge(descriptor, result.StatusCode!.Value, utf8);
        if (error is { Kind: NodeErrorKind.Status, Code: "407" } && _invokers.ProxyFor(descriptor) is not null)
        {
            error = ProxyFailures.CredentialsRefused();
        }

        if (error is not null)
        {
            result.Fail(error);
            return default;
        }

        T? body = hasBody ? reader.Read(utf8, descriptor, JsonSerializerOptions, result) : default;
        if (result.Error is null)
        {
            result.Outcome = NodeOutcome.Succeeded;
        }

        return body;
    }
}
