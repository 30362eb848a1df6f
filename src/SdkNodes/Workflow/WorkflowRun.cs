using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// One run of a workflow. Nodes sent through it share its id in the history. When a node
/// whose failure action is <see cref="FailureAction.Abort"/> fails or times out, the run is
/// aborted: nodes sent after it are not executed and come back <see cref="NodeOutcome.NotExecuted"/>,
/// naming that node. Nothing throws for an abort inside a run. Complete the run (or dispose
/// it) to write its record. Thread-safe.
/// </summary>
public sealed class WorkflowRun : IAsyncDisposable
{
    private readonly NodeRuntime _runtime;
    private readonly long _startTimestamp;
    private readonly Lock _gate = new();
    private readonly List<NodeResult> _results = [];
    private string? _abortedBy;
    private RunHistoryRecord? _record;
    private int _positions;

    internal WorkflowRun(NodeRuntime runtime, string name, string id, bool recovered = false)
    {
        _runtime = runtime;
        Name = name;
        Id = id;
        Recovered = recovered;
        StartedAt = runtime.GetUtcNow();
        _startTimestamp = runtime.GetTimestamp();
    }

    /// <summary>The run's id.</summary>
    public string Id { get; }

    /// <summary>The run's name.</summary>
    public string Name { get; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>
    /// True when this is a run executed again after the worker running it died: it keeps the
    /// run's id (so its nodes send the same idempotency keys), and its record says so.
    /// </summary>
    public bool Recovered { get; }

    /// <summary>The node that aborted the run, or null while it has not been aborted.</summary>
    public string? AbortedBy
    {
        get
        {
            lock (_gate)
            {
                return _abortedBy;
            }
        }
    }

    /// <summary>The results so far, in the order the nodes finished.</summary>
    public IReadOnlyList<NodeResult> Results
    {
        get
        {
            lock (_gate)
            {
                return _results.ToArray();
            }
        }
    }

    /// <summary>Sends a typed node in this run.</summary>
    public Task<NodeResult<TResponse>> SendAsync<TResponse>(IApiNode<TResponse> node, CancellationToken cancellationToken = default)
        => SendAsync(node, [], cancellationToken);

    /// <summary>
    /// Sends a typed node whose inputs come from earlier nodes. When one of <paramref name="requires"/>
    /// is skipped, the node does not run: it comes back <see cref="NodeOutcome.Skipped"/> with the reason.
    /// </summary>
    public Task<NodeResult<TResponse>> SendAsync<TResponse>(IApiNode<TResponse> node, IReadOnlyList<INodeValue> requires, CancellationToken cancellationToken = default)
        => RunAsync(node, TypedBodyReader<TResponse>.Instance, requires, cancellationToken);

    /// <summary>Sends an untyped node in this run.</summary>
    public Task<NodeResult<JsonElement?>> SendAsync(IApiNode node, CancellationToken cancellationToken = default)
        => SendAsync(node, [], cancellationToken);

    /// <summary>Sends an untyped node whose inputs come from earlier nodes (see the typed overload).</summary>
    public Task<NodeResult<JsonElement?>> SendAsync(IApiNode node, IReadOnlyList<INodeValue> requires, CancellationToken cancellationToken = default)
        => RunAsync(node, UntypedBodyReader.Instance, requires, cancellationToken);

    /// <summary>
    /// Runs a call made by another client (a Refit call through SdkNodes.Refit) as a node of this
    /// run: its id in the history, its position in the idempotency key, and an Abort failure
    /// ending the run instead of throwing.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public async Task<NodeResult<T>> SendExternalAsync<T>(NodeDescriptor descriptor, Func<NodeCall, CancellationToken, Task<ExternalResponse<T>>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        NodeResult<T> result = await _runtime.ExecuteExternalAsync(descriptor, call, Scope([]), cancellationToken).ConfigureAwait(false);
        Record(descriptor, result);
        return result;
    }

    /// <summary>Ends the run and writes its record to the history sinks; later calls return the same record.</summary>
    public async ValueTask<RunHistoryRecord> CompleteAsync()
    {
        RunHistoryRecord record;
        lock (_gate)
        {
            if (_record is not null)
            {
                return _record;
            }

            int unsuccessful = _results.FindAll(r => !r.IsSuccess).Count;
            record = new RunHistoryRecord
            {
                RunId = Id,
                Name = Name,
                Status = _abortedBy is not null ? RunStatus.Aborted
                    : unsuccessful > 0 ? RunStatus.CompletedWithFailures
                    : RunStatus.Completed,
                AbortedBy = _abortedBy,
                Nodes = _results.Count,
                Unsuccessful = unsuccessful,
                StartedAt = StartedAt,
                Elapsed = _runtime.GetElapsedTime(_startTimestamp),
                Recovered = Recovered,
            };
            _record = record;
        }

        await _runtime.WriteRunHistoryAsync(record).ConfigureAwait(false);
        return record;
    }

    /// <summary>Completes the run if it has not been completed.</summary>
    public async ValueTask DisposeAsync() => await CompleteAsync().ConfigureAwait(false);

    private async Task<NodeResult<T>> RunAsync<T>(IGeneratedNode node, BodyReader<T> reader, IReadOnlyList<INodeValue> requires, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(requires);
        NodeResult<T> result = await _runtime.ExecuteAsync(node, reader, Scope(requires), cancellationToken).ConfigureAwait(false);
        Record(node.Descriptor, result);
        return result;
    }

    private void Record(NodeDescriptor descriptor, NodeResult result)
    {
        lock (_gate)
        {
            _results.Add(result);
            if (descriptor.Aborts(result))
            {
                _abortedBy ??= result.NodeName;
            }
        }
    }

    // Each node sent through the run takes the next position, which its idempotency key is
    // derived from: a run executed again in the same order sends the same keys.
    private ExecutionScope Scope(IReadOnlyList<INodeValue> requires)
    {
        int position = Interlocked.Increment(ref _positions);
        string? abortedBy = AbortedBy;
        if (abortedBy is not null)
        {
            return new ExecutionScope(Id, ThrowOnAbort: false, new NodeError(
                NodeErrorKind.RunAborted, null, $"Not executed: the run was aborted by {abortedBy}."), Position: position);
        }

        foreach (INodeValue value in requires)
        {
            if (value.IsSkipped)
            {
                return new ExecutionScope(Id, ThrowOnAbort: false, new NodeError(
                    NodeErrorKind.SkippedInput, null, $"Skipped: a required input was skipped ({value.SkipReason})."), Position: position);
            }
        }

        return new ExecutionScope(Id, ThrowOnAbort: false, NotRun: null, Position: position);
    }
}
