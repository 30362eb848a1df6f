using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

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
        var result = new NodeResult<T>(descriptor.Name, _time.GetUtcNow());
        ExternalResponse<T>? response = null;
        ExceptionDispatchInfo? cancellation = null;
        TimeSpan timeout = TimeoutFor(descriptor);
        RunningTimeout deadline = _timeouts.Start(timeout, cancellationToken);
        try
        {
            response = await call(deadline.Token).ConfigureAwait(false);
            result.StatusCode = response.StatusCode;
            result.Headers = response.Headers;
            result.RawBodyText = response.RawBody;
            NodeError? error = ResponseEvaluator.CheckStatus(descriptor, response.StatusCode);
            if (error is null && response.DeserializationError is { } reason)
            {
                error = new NodeError(NodeErrorKind.Deserialization, null, $"The response body could not be read as {descriptor.ResponseTypeName ?? typeof(T).Name}: {reason}");
            }

            if (error is null)
            {
                result.Outcome = NodeOutcome.Succeeded;
            }
            else
            {
                result.Fail(error);
            }
        }
        catch (OperationCanceledException) when (deadline.HasExpired(cancellationToken))
        {
            result.Fail(FailureMessages.Timeout(null, timeout));
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            result.Fail(FailureMessages.Cancelled());
            cancellation = ExceptionDispatchInfo.Capture(ex);
        }
        catch (Exception ex)
        {
            result.Fail(FailureMessages.FromException(ex, null));
        }
        finally
        {
            await _timeouts.StopAsync(deadline).ConfigureAwait(false);
        }

        result.Elapsed = _time.GetElapsedTime(startTimestamp);
        result.Body = result.Outcome == NodeOutcome.Succeeded ? response!.Body : default;
        string url = response?.Url?.GetLeftPart(UriPartial.Path) ?? descriptor.UriTemplate;
        var headers = (response?.RequestHeaders ?? [])
            .Select(h => new KeyValuePair<string, string>(h.Key, IsSensitiveHeader(h.Key) ? Redaction.Mask : h.Value))
            .ToList();
        await WriteHistoryAsync(result, descriptor, runId: null, url, headers, response?.Method).ConfigureAwait(false);
        _telemetry.Complete(activity, descriptor, result, url);

        cancellation?.Throw();
        if (descriptor.Aborts(result))
        {
            throw new NodeAbortedException(result);
        }

        return result;
    }
}
