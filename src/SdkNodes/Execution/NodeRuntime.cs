using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// Sends nodes: applies the timeout, reads and checks the answer, writes one history record
/// per execution, and continues or aborts on failure. Create one per application and share
/// it: it pools connections. Thread-safe.
/// </summary>
public sealed partial class NodeRuntime : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _defaultTimeout;
    private readonly Dictionary<string, TimeSpan> _nodeTimeouts;
    private readonly INodeHistorySink[] _sinks;
    private readonly long _maxResponseBytes;
    private readonly bool _keepRawBody;
    private readonly RequestPreparer _requests;
    private readonly HttpInvokerPool _invokers;
    private readonly TimeoutTokens _timeouts;
    private readonly NodeTelemetry _telemetry;

    /// <summary>Creates a runtime.</summary>
    /// <param name="options">The settings; copied, so later changes to them have no effect.</param>
    /// <param name="handler">
    /// When given, every request goes through this handler (the caller's own pipeline, or an
    /// in-memory handler in tests); the runtime does not dispose it.
    /// </param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public NodeRuntime(NodeRuntimeOptions options, HttpMessageHandler? handler = null)
        : this(options, handler, handlerFactory: null)
    {
    }

    /// <summary>Creates a runtime whose handlers come from <paramref name="handlerFactory"/> (see <c>AddSdkNodes</c>).</summary>
    internal NodeRuntime(NodeRuntimeOptions options, HttpMessageHandler? handler, IHttpMessageHandlerFactory? handlerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidator.Validate(options);

        _time = options.TimeProvider;
        _defaultTimeout = options.DefaultTimeout;
        _nodeTimeouts = new Dictionary<string, TimeSpan>(options.NodeTimeouts, StringComparer.Ordinal);
        _sinks = [.. options.HistorySinks];
        _maxResponseBytes = options.MaxResponseBytes;
        _keepRawBody = options.RawBodyRetention == RawBodyRetention.Always;
        JsonSerializerOptions = CreateJsonOptions(options);
        _requests = new RequestPreparer(options, JsonSerializerOptions);
        _invokers = new HttpInvokerPool(new HandlerSettings(options), handler, handlerFactory);
        _timeouts = new TimeoutTokens(_time);
        _telemetry = new NodeTelemetry(options.LoggerFactory);
    }

    /// <summary>The JSON options used for bodies (read-only).</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; }

    /// <summary>The clock used for timeouts and timings.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Sends a typed node. Usually called through the node's generated <c>SendAsync</c>.</summary>
    /// <exception cref="NodeAbortedException">The node failed and its failure action is <see cref="FailureAction.Abort"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<NodeResult<TResponse>> SendAsync<TResponse>(IApiNode<TResponse> node, CancellationToken cancellationToken = default)
        => ExecuteAsync(node, TypedBodyReader<TResponse>.Instance, ExecutionScope.Alone, cancellationToken);

    /// <summary>Sends an untyped node: the body is a <see cref="JsonElement"/> when it is JSON.</summary>
    /// <exception cref="NodeAbortedException">The node failed and its failure action is <see cref="FailureAction.Abort"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<NodeResult<JsonElement?>> SendAsync(IApiNode node, CancellationToken cancellationToken = default)
        => ExecuteAsync(node, UntypedBodyReader.Instance, ExecutionScope.Alone, cancellationToken);

    /// <summary>
    /// Starts a workflow run: nodes sent through it share its id and history, and a node that
    /// fails under <see cref="FailureAction.Abort"/> stops the nodes after it.
    /// </summary>
    public WorkflowRun StartRun(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new WorkflowRun(this, name, Guid.NewGuid().ToString("N"));
    }

    /// <summary>
    /// Starts (or executes again) the workflow run with the id <paramref name="runId"/>: a run
    /// recovered on another worker keeps its id, so its nodes send the same idempotency keys.
    /// </summary>
    public WorkflowRun StartRun(string name, string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return new WorkflowRun(this, name, runId);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _invokers.Dispose();
        _telemetry.Dispose();
        _timeouts.Dispose();
    }

    internal long GetTimestamp() => _time.GetTimestamp();

    internal bool IsSensitiveHeader(string name) => _requests.IsSensitiveHeader(name);

    internal DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    internal TimeSpan GetElapsedTime(long startTimestamp) => _time.GetElapsedTime(startTimestamp);

    internal async ValueTask WriteRunHistoryAsync(RunHistoryRecord record)
    {
        foreach (INodeHistorySink sink in _sinks)
        {
            await sink.WriteRunAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
    }

    internal async Task<NodeResult<T>> ExecuteAsync<T>(IGeneratedNode node, BodyReader<T> reader, ExecutionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        NodeDescriptor descriptor = node.Descriptor;
        using Activity? activity = _telemetry.Start(descriptor);
        long startTimestamp = _time.GetTimestamp();
        var result = new NodeResult<T>(descriptor.Name, _time.GetUtcNow());
        ExceptionDispatchInfo? cancellation = null;
        T? body = default;

        HttpRequestMessage? request = null;
        if (scope.NotRun is { } notRun)
        {
            // Not executed (the run was aborted) or skipped (a required value was): no request.
            result.Fail(notRun);
        }
        else
        {
            request = _requests.Build(node, descriptor, result);
        }

        // What the history shows is taken before sending (a handler may add headers), and only
        // when there is a history to write.
        string? redactedUrl = null;
        IReadOnlyList<KeyValuePair<string, string>>? redactedHeaders = null;
        if (_sinks.Length > 0)
        {
            redactedUrl = _requests.RedactedUrl(node, descriptor, request);
            redactedHeaders = _requests.RedactedHeaders(request, descriptor);
        }

        try
        {
            if (request is not null)
            {
                // The whole exchange runs under the node's timeout (written out here rather than
                // in a method of its own: one async layer less on every call).
                TimeSpan timeout = TimeoutFor(descriptor);
                RunningTimeout deadline = _timeouts.Start(timeout, cancellationToken);
                try
                {
                    var exchange = new ExchangeState<T>(request, descriptor, reader, result, scope.KeepRawBody);
                    body = await ExchangeAsync(exchange, deadline.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Whatever a handler throws (the caller's own pipeline included) is this node's
                    // failure, never an escape: under Continue nothing leaves SendAsync, and the
                    // history still gets its one record. Only the caller's cancellation leaves.
                    result.Fail(Describe(ex, deadline.HasExpired(cancellationToken), timeout, request, descriptor));
                }
                finally
                {
                    await _timeouts.StopAsync(deadline).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            result.Fail(FailureMessages.Cancelled());
            cancellation = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            request?.Dispose();
        }

        result.Elapsed = _time.GetElapsedTime(startTimestamp);
        result.Body = body;
        if (redactedUrl is not null && redactedHeaders is not null)
        {
            await WriteHistoryAsync(result, descriptor, scope.RunId, redactedUrl, redactedHeaders).ConfigureAwait(false);
        }

        // Spans and logs carry the redacted URL too; it is only built when someone listens.
        if (redactedUrl is null && _telemetry.NeedsUrl(activity))
        {
            redactedUrl = _requests.RedactedUrl(node, descriptor, request);
        }

        _telemetry.Complete(activity, descriptor, result, redactedUrl ?? descriptor.UriTemplate);

        cancellation?.Throw();
        if (scope.ThrowOnAbort && descriptor.Aborts(result))
        {
            throw new NodeAbortedException(result);
        }

        return result;
    }

    // What a failed exchange tells the user: a timeout, a refusal the runtime made itself
    // (a redirect it would not follow), or what the handler threw.
    private NodeError Describe(Exception ex, bool timedOut, TimeSpan timeout, HttpRequestMessage request, NodeDescriptor descriptor)
    {
        if (timedOut && ex is OperationCanceledException)
        {
            return FailureMessages.Timeout(request.RequestUri, timeout);
        }

        if (ex is NodeFailureException failure)
        {
            return failure.Error;
        }

        NodeError error = FailureMessages.FromException(ex, request.RequestUri);
        return _invokers.ProxyFor(descriptor) is { } proxy ? ProxyFailures.Explain(error, proxy, request.RequestUri) : error;
    }

    // The exchange proper, inside the timeout: send, read the whole body, then judge it.
    private async ValueTask<T?> ExchangeAsync<T>(ExchangeState<T> state, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(state.Request, state.Descriptor, cancellationToken).ConfigureAwait(false);
        NodeResult result = state.Result;
        result.StatusCode = (int)response.StatusCode;
        result.Headers = ResponseHeaders.Collect(response);

        if (state.Request.Method == HttpMethod.Head)
        {
            return Judge(state, [], hasBody: false);
        }

        using ResponseBytes bytes = await ResponseBytes.ReadAsync(response.Content, state.Descriptor.MaxResponseBytes ?? _maxResponseBytes, cancellationToken).ConfigureAwait(false);
        if (bytes.Encoding.CodePage == System.Text.Encoding.UTF8.CodePage)
        {
            // Judged straight from the pooled buffer; a copy is kept (in chunks when large) for
            // RawBody only when it is to be kept, and decoded only when someone reads it.
            ReadOnlySpan<byte> span = bytes.Span;
            ReadOnlySpan<byte> utf8 = span.StartsWith("\uFEFF"u8) ? span[3..] : span;
            T? body = Judge(state, utf8, hasBody: true);
            if (result.RawBodyText is null && KeepsRawBody(state, body))
            {
                result.RawBodyUtf8 = KeptBody.Keep(utf8);
            }

            return body;
        }

        // JSON readers want UTF-8: a body in another charset is decoded and re-encoded (and the
        // text, made anyway, is kept).
        string text = bytes.GetText();
        result.RawBodyText = text;
        return Judge(state, System.Text.Encoding.UTF8.GetBytes(text), hasBody: true);
    }

    // See RawBodyRetention: the text is kept unless the body was read into Body.
    private bool KeepsRawBody<T>(in ExchangeState<T> state, T? body)
        => _keepRawBody || state.KeepRawBody || state.Result.Outcome != NodeOutcome.Succeeded || body is null;

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

    private T? Judge<T>(in ExchangeState<T> state, ReadOnlySpan<byte> utf8, bool hasBody)
    {
        NodeResult result = state.Result;
        NodeDescriptor descriptor = state.Descriptor;
        NodeError? error = ResponseEvaluator.CheckStatus(descriptor, result.StatusCode!.Value)
                           ?? ResponseEvaluator.CheckErrorCode(descriptor, utf8);
        if (error is { Kind: NodeErrorKind.Status, Code: "407" } && _invokers.ProxyFor(descriptor) is not null)
        {
            error = ProxyFailures.CredentialsRefused();
        }
        if (error is not null)
        {
            result.Fail(error);
            return default;
        }

        T? body = hasBody ? state.Reader.Read(utf8, descriptor, JsonSerializerOptions, result) : default;
        if (result.Error is null)
        {
            result.Outcome = NodeOutcome.Succeeded;
        }

        return body;
    }

    private ValueTask WriteHistoryAsync(
        NodeResult result,
        NodeDescriptor descriptor,
        string? runId,
        string redactedUrl,
        IReadOnlyList<KeyValuePair<string, string>> redactedHeaders,
        string? method = null)
    {
        var record = new NodeHistoryRecord
        {
            NodeName = descriptor.Name,
            RunId = runId,
            Method = method ?? descriptor.Method,
            Url = redactedUrl,
            RequestHeaders = redactedHeaders,
            StatusCode = result.StatusCode,
            Outcome = result.Outcome,
            ErrorKind = result.Error?.Kind,
            ErrorMessage = result.Error?.Message,
            StartedAt = result.StartedAt,
            Elapsed = result.Elapsed,
        };

        // One sink (the usual case) is awaited directly, without a state machine of our own.
        return _sinks.Length == 1 ? _sinks[0].WriteAsync(record, CancellationToken.None) : WriteToEachSinkAsync(record);
    }

    private async ValueTask WriteToEachSinkAsync(NodeHistoryRecord record)
    {
        foreach (INodeHistorySink sink in _sinks)
        {
            await sink.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private TimeSpan TimeoutFor(NodeDescriptor descriptor)
    {
        if (_nodeTimeouts.TryGetValue(descriptor.FullName, out TimeSpan timeout) || _nodeTimeouts.TryGetValue(descriptor.Name, out timeout))
        {
            return timeout;
        }

        return descriptor.Timeout ?? _defaultTimeout;
    }

    private static JsonSerializerOptions CreateJsonOptions(NodeRuntimeOptions options)
    {
        if (options.JsonSerializerOptions is { IsReadOnly: true, TypeInfoResolver: not null } readOnly && options.JsonTypeInfoResolver is null)
        {
            // Options that can no longer change are used as they are, not copied: a
            // source-generated context's own Options then share its metadata (made once) with
            // the rest of the application, instead of the runtime building its own copy.
            return readOnly;
        }

        var json = options.JsonSerializerOptions is { } given
            ? new JsonSerializerOptions(given)
            : new JsonSerializerOptions(JsonSerializerDefaults.Web);
        if (options.JsonTypeInfoResolver is { } resolver)
        {
            json.TypeInfoResolver = resolver;
        }

        json.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        json.MakeReadOnly();
        return json;
    }

    // What one exchange works on, passed down as one value (a struct: no allocation per call).
    private readonly record struct ExchangeState<T>(
        HttpRequestMessage Request,
        NodeDescriptor Descriptor,
        BodyReader<T> Reader,
        NodeResult Result,
        bool KeepRawBody);
}
