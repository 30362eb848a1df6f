using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;

namespace SdkNodes;

public sealed partial class NodeRuntime
{
    /// <summary>
    /// Runs a call made by another HTTP client as a node: the same timeout, success codes,
    /// error messages, continue-or-abort, history record, span and metrics. For adapters such
    /// as SdkNodes.Refit; nodes from the generator use <c>SendAsync</c>.
    /// </summary>
    /// <exception cref="NodeAbortedException">The call failed and the descriptor's failure action is Abort.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<NodeResult<T>> SendExternalAsync<T>(NodeDescriptor descriptor, Func<CancellationToken, Task<ExternalResponse<T>>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(call);
        using Activity? activity = _telemetry.Start(descriptor);
        long startTimestamp = _time.GetTimestamp();
        var exchange = new NodeExchange { NodeName = descriptor.Name, StartedAt = _time.GetUtcNow() };
        ExternalResponse<T>? response = null;
        ExceptionDispatchInfo? cancellation = null;
        TimeSpan timeout = TimeoutFor(descriptor);
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TimeoutPipeline.TimeoutKey, timeout);
        try
        {
            response = await _pipeline.ExecuteAsync(static async (ctx, c) => await c(ctx.CancellationToken).ConfigureAwait(false), context, call).ConfigureAwait(false);
            exchange.StatusCode = response.StatusCode;
            exchange.Headers = response.Headers;
            exchange.RawBody = response.RawBody;
            NodeError? error = ResponseEvaluator.CheckStatus(descriptor, response.StatusCode);
            if (error is null && response.DeserializationError is { } reason)
            {
                error = new NodeError(NodeErrorKind.Deserialization, null, $"The response body could not be read as {descriptor.ResponseTypeName ?? typeof(T).Name}: {reason}");
            }

            if (error is null)
            {
                exchange.Outcome = NodeOutcome.Succeeded;
            }
            else
            {
                exchange.Fail(error);
            }
        }
        catch (TimeoutRejectedException)
        {
            exchange.Fail(FailureMessages.Timeout(null, timeout));
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            exchange.Fail(FailureMessages.Cancelled());
            cancellation = ExceptionDispatchInfo.Capture(ex);
        }
        catch (Exception ex)
        {
            exchange.Fail(FailureMessages.FromException(ex, null));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        exchange.Elapsed = _time.GetElapsedTime(startTimestamp);
        var result = new NodeResult<T>(exchange, exchange.Outcome == NodeOutcome.Succeeded ? response!.Body : default);
        string url = response?.Url?.GetLeftPart(UriPartial.Path) ?? descriptor.UriTemplate;
        var headers = (response?.RequestHeaders ?? [])
            .Select(h => new KeyValuePair<string, string>(h.Key, IsSensitiveHeader(h.Key) ? Redaction.Mask : h.Value))
            .ToList();
        await WriteHistoryAsync(exchange, descriptor, runId: null, url, headers, response?.Method).ConfigureAwait(false);
        _telemetry.Complete(activity, descriptor, exchange, url);

        cancellation?.Throw();
        if (descriptor.Aborts(result))
        {
            throw new NodeAbortedException(result);
        }

        return result;
    }
}
