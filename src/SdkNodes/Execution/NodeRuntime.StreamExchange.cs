using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

public sealed partial class NodeRuntime
{
    /// <summary>
    /// The exchange of an <c>IApiNode&lt;Stream&gt;</c> node: judged on its status alone, as soon
    /// as the headers arrive (the runtime's invokers never buffer a body, as HttpClient's
    /// ResponseHeadersRead). A success hands the caller the unread body, through the result that
    /// owns it; a failure reads the body as every other node does, up to the limit, so that
    /// RawBody shows the error text, and hands out no stream.
    /// </summary>
    private async ValueTask<T?> ExchangeStreamAsync<T>(HttpRequestMessage request, NodeDescriptor descriptor, BodyReader<T> reader, NodeResult result, bool keepRawBody, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = await SendAsync(request, descriptor, cancellationToken).ConfigureAwait(false);
        try
        {
            string? contentType = TakeAnswerHead(response, result);
            if (request.Method == HttpMethod.Head)
            {
                return Judge(descriptor, reader, result, [], hasBody: false);
            }

            long maxBytes = descriptor.MaxResponseBytes ?? _maxResponseBytes;
            if (ResponseEvaluator.CheckStatus(descriptor, result.StatusCode!.Value) is not null)
            {
                using ResponseBytes bytes = await ResponseBytes.ReadAsync(response.Content, contentType, maxBytes, cancellationToken).ConfigureAwait(false);
                result.ContentLength = bytes.Length;
                return JudgeBody(descriptor, reader, result, bytes, contentType, keepRawBody);
            }

            long? declared = response.Content.Headers.ContentLength;
            if (declared > maxBytes)
            {
                // Refused before any of it is read, as a buffered body is: the node fails.
                throw new ResponseTooLargeException(maxBytes);
            }

            Stream content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);

            // The node's timeout counts from the start of the attempt, and goes on while the
            // caller reads: what is left of it is the body's own deadline.
            TimeSpan timeout = TimeoutFor(descriptor);
            TimeSpan left = timeout == Timeout.InfiniteTimeSpan ? timeout : timeout - (_time.GetUtcNow() - result.StartedAt);
            var body = new ResponseBodyStream(response, content, maxBytes, timeout, left, request.RequestUri, _time);
            response = null;
            result.ContentLength = declared;
            result.Own(body);
            result.Outcome = NodeOutcome.Succeeded;
            return (T)(object)body;
        }
        finally
        {
            // Kept only by a stream handed out; otherwise done with.
            response?.Dispose();
        }
    }
}
