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
    private readonly NodePipelines _resilience;

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
        _resilience = new NodePipelines(options);
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
    public WorkflowRun StartRun(string name, string runId) => StartRun(name, runId, recovered: false);

    /// <summary>
    /// Starts the workflow run with the id <paramref name="runId"/>; <paramref name="recovered"/>
    /// marks a run executed again after its worker died (<see cref="RunHistoryRecord.Recovered"/>).
    /// </summary>
    public WorkflowRun StartRun(string name, string runId, bool recovered)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return new WorkflowRun(this, name, runId, recovered);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _invokers.Dispose();
        _resilience.Dispose();
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

    /// <summary>Sends a generated node (the public <c>SendAsync</c>, runs and the Test API come here).</summary>
    internal Task<NodeResult<T>> ExecuteAsync<T>(IGeneratedNode node, BodyReader<T> reader, ExecutionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        NodeDescriptor descriptor = node.Descriptor;
        return ExecuteAsync<T, GeneratedExchange<T>>(descriptor, new GeneratedExchange<T>(this, node, descriptor, reader, scope.KeepRawBody), scope, cancellationToken);
    }

    /// <summary>
    /// The one execution shell every node goes through, whatever sends it: the span, the start
    /// time, the attempts (straight to the exchange, or through the node's resilience pipeline),
    /// the caller's cancellation, one history record, and continue-or-abort on the final outcome.
    /// </summary>
    internal async Task<NodeResult<T>> ExecuteAsync<T, TExchange>(NodeDescriptor descriptor, TExchange exchange, ExecutionScope scope, CancellationToken cancellationToken)
        where TExchange : INodeExchange<T>
    {
        using Activity? activity = _telemetry.Start(descriptor);
        long startTimestamp = _time.GetTimestamp();
        var result = new NodeResult<T>(descriptor.Name, _time.GetUtcNow());
        ExceptionDispatchInfo? cancellation = null;

        // What the history shows is taken before sending (a handler may add headers), and only
        // when a history or a listener will show it.
        bool forHistory = _sinks.Length > 0 || _telemetry.NeedsUrl(activity) || scope.SentRequest is not null;
        string? idempotencyKey = IdempotencyKeys.For(descriptor, scope);
        if (scope.NotRun is { } notRun)
        {
            // Not executed (the run was aborted) or skipped (a required value was): no request.
            result.Fail(notRun);
        }

        PreparedRequest prepared = exchange.Prepare(result, forHistory, idempotencyKey, send: scope.NotRun is null);
        try
        {
            if (prepared.CanSend)
            {
                ResiliencePlan plan = _resilience.PlanFor(descriptor, prepared.Target);
                if (plan.IsEmpty)
                {
                    // The usual node: one attempt, written into the result itself.
                    result.AttemptCount = 1;
                    result.Body = await AttemptAsync<T, TExchange>(exchange, prepared, result, 1, idempotencyKey, descriptor, plan, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await ExecuteResilientAsync(result, startTimestamp, descriptor, exchange, prepared, idempotencyKey, plan, cancellationToken).ConfigureAwait(false);
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
            prepared.Request?.Dispose();
        }

        result.Elapsed = _time.GetElapsedTime(startTimestamp);
        string url = descriptor.UriTemplate;
        if (forHistory)
        {
            (url, IReadOnlyList<KeyValuePair<string, string>> headers) = exchange.History(prepared);
            if (_sinks.Length > 0)
            {
                await WriteHistoryAsync(result, descriptor, scope.RunId, url, headers, exchange.Method(prepared)).ConfigureAwait(false);
            }

            if (scope.SentRequest is { } sent && prepared.CanSend)
            {
                sent.Request = new TestRequest(exchange.Method(prepared), url, headers);
            }
        }

        _telemetry.Complete(activity, descriptor, result, url);

        cancellation?.Throw();
        if (scope.ThrowOnAbort && descriptor.Aborts(result))
        {
            throw new NodeAbortedException(result);
        }

        return result;
    }

    private ValueTask WriteHistoryAsync(
        NodeResult result,
        NodeDescriptor descriptor,
        string? runId,
        string redactedUrl,
        IReadOnlyList<KeyValuePair<string, string>> redactedHeaders,
        string method)
    {
        var record = new NodeHistoryRecord
        {
            NodeName = descriptor.Name,
            RunId = runId,
            Method = method,
            Url = redactedUrl,
            RequestHeaders = redactedHeaders,
            StatusCode = result.StatusCode,
            Outcome = result.Outcome,
            ErrorKind = result.Error?.Kind,
            ErrorMessage = result.Error?.Message,
            StartedAt = result.StartedAt,
            Elapsed = result.Elapsed,
            Attempts = result.AttemptCount,
            AttemptLog = result.AttemptCount > 1 ? result.Attempts : [],
            ResponseBytes = result.ContentLength,
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

        // No context given: reflection, unless the application turned it off (trimmed, native AOT).
        json.TypeInfoResolver ??= DefaultJsonResolver.Create();
        json.MakeReadOnly();
        return json;
    }
}
