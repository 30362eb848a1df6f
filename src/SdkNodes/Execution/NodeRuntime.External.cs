using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

public sealed partial class NodeRuntime
{
    /// <summary>
    /// Runs a call made by another HTTP client as a node, through the same execution shell as a
    /// generated node: timeout per attempt, retries, breaker and rate limit, success codes, error
    /// messages and body error codes, continue-or-abort, one history record (secret headers
    /// redacted), span and metrics. For adapters such as SdkNodes.Refit.
    /// </summary>
    /// <param name="descriptor">The call's node: its name, success codes, messages, timeout and resilience.</param>
    /// <param name="call">Makes the call once per attempt; <see cref="NodeCall"/> says which attempt and carries the idempotency key.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <exception cref="NodeAbortedException">The call failed and the descriptor's failure action is Abort.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<NodeResult<T>> SendExternalAsync<T>(NodeDescriptor descriptor, Func<NodeCall, CancellationToken, Task<ExternalResponse<T>>> call, CancellationToken cancellationToken = default)
        => ExecuteExternalAsync(descriptor, call, ExecutionScope.Alone, cancellationToken);

    internal Task<NodeResult<T>> ExecuteExternalAsync<T>(NodeDescriptor descriptor, Func<NodeCall, CancellationToken, Task<ExternalResponse<T>>> call, ExecutionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(call);
        return ExecuteAsync<T, ExternalExchange<T>>(descriptor, new ExternalExchange<T>(this, descriptor, call), scope, cancellationToken);
    }

    /// <summary>
    /// A call made by another client: the client sends and reads; this judges its answer with the
    /// node's rules and keeps what the history shows of the last attempt.
    /// </summary>
    internal sealed class ExternalExchange<T>(NodeRuntime runtime, NodeDescriptor descriptor, Func<NodeCall, CancellationToken, Task<ExternalResponse<T>>> call)
        : INodeExchange<T>
    {
        private ExternalResponse<T>? _last;

        // What the last call that got no answer used (its failure says so).
        private string? _failedMethod;
        private Uri? _failedUrl;

        public PreparedRequest Prepare(NodeResult result, bool forHistory, string? idempotencyKey, bool send)
            => new(send, null, null, null, null);

        public async ValueTask<T?> SendAsync(PreparedRequest prepared, NodeResult attempt, int number, string? idempotencyKey, CancellationToken cancellationToken)
        {
            ExternalResponse<T> response;
            try
            {
                response = await call(new NodeCall(number, idempotencyKey), cancellationToken).ConfigureAwait(false);
            }
            catch (ExternalCallException failed)
            {
                _failedMethod = failed.Method;
                _failedUrl = failed.Url;
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.InnerException!);
                throw;
            }

            _last = response;
            attempt.StatusCode = response.StatusCode;
            attempt.Headers = response.Headers;
            attempt.RawBodyText = response.RawBody;
            NodeError? error = ResponseEvaluator.Judge(descriptor, response.StatusCode, BodyForErrorCode(response));
            if (error is null && response.DeserializationError is { } reason)
            {
                error = new NodeError(NodeErrorKind.Deserialization, null, $"The response body could not be read as {descriptor.ResponseTypeName ?? typeof(T).Name}: {reason}");
            }

            if (error is not null)
            {
                attempt.Fail(error);
                return default;
            }

            attempt.Outcome = NodeOutcome.Succeeded;
            return response.Body;
        }

        public NodeError Describe(Exception exception, PreparedRequest prepared) => FailureMessages.FromException(exception, _failedUrl ?? _last?.Url);

        public string Method(PreparedRequest prepared) => _last?.Method ?? _failedMethod ?? descriptor.Method;

        public (string Url, IReadOnlyList<KeyValuePair<string, string>> Headers) History(PreparedRequest prepared)
        {
            // The path only: the caller's query may hold secrets the runtime cannot tell apart.
            string url = (_last?.Url ?? _failedUrl)?.GetLeftPart(UriPartial.Path) ?? descriptor.UriTemplate;
            return (url, runtime._requests.Redact(_last?.RequestHeaders ?? [], descriptor));
        }

        // The body error code is read from the text the client kept (or the body, for a string
        // call), or else from the typed body written back as JSON (the field must then be a
        // member of the response type).
        private byte[] BodyForErrorCode(ExternalResponse<T> response)
        {
            if (descriptor.ErrorCodeField is null)
            {
                return [];
            }

            if ((response.RawBody ?? response.Body as string) is { } text)
            {
                return Encoding.UTF8.GetBytes(text);
            }

            if (response.Body is null)
            {
                return [];
            }

            try
            {
                return JsonSerializer.SerializeToUtf8Bytes(response.Body, runtime.JsonSerializerOptions.GetTypeInfo(typeof(T)));
            }
            catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
            {
                return [];
            }
        }
    }
}
