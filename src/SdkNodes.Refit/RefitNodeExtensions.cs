using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace SdkNodes.Refit;

/// <summary>Sends <see cref="RefitNode{TApi, T}"/>s through a <see cref="NodeRuntime"/>.</summary>
public static class RefitNodeExtensions
{
    /// <summary>
    /// Runs <paramref name="node"/> on <paramref name="client"/>: one history record, the node's
    /// success codes, messages and body error codes, its timeout and resilience, and
    /// <see cref="NodeAbortedException"/> when it fails under <see cref="FailureAction.Abort"/>.
    /// </summary>
    public static Task<NodeResult<T>> SendAsync<TApi, T>(this NodeRuntime runtime, TApi client, RefitNode<TApi, T> node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(node);
        return runtime.SendExternalAsync(node.Describe(), (attempt, ct) => CallAsync(client, node, attempt, ct), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="node"/> on <paramref name="client"/> as a node of <paramref name="run"/>:
    /// the run's id in the history, the node's position in its idempotency key, and a failure
    /// under <see cref="FailureAction.Abort"/> ending the run (nothing throws).
    /// </summary>
    public static Task<NodeResult<T>> SendAsync<TApi, T>(this WorkflowRun run, TApi client, RefitNode<TApi, T> node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(node);
        return run.SendExternalAsync(node.Describe(), (attempt, ct) => CallAsync(client, node, attempt, ct), cancellationToken);
    }

    private static async Task<ExternalResponse<T>> CallAsync<TApi, T>(TApi client, RefitNode<TApi, T> node, NodeCall attempt, CancellationToken cancellationToken)
    {
        try
        {
            using IApiResponse<T> response = await node.CallAsync(client, attempt, cancellationToken).ConfigureAwait(false);
            if (response.Error is { } error)
            {
                // A status failure or an unreadable body has the response; any other error is thrown
                // for the runtime to classify (connection, timeout...).
                return error is ApiException api ? FromException<T>(api) : throw NoAnswer(error);
            }

            return new ExternalResponse<T>
            {
                Method = response.RequestMessage?.Method.Method ?? "?",
                Url = response.RequestMessage?.RequestUri,
                RequestHeaders = HeadersOf(response.RequestMessage),
                StatusCode = (int)(response.StatusCode ?? 0),
                Headers = Collect(response.Headers, response.ContentHeaders),
                Body = response.Content,
            };
        }
        catch (ApiException exception)
        {
            return FromException<T>(exception);
        }
        catch (ApiRequestException exception)
        {
            throw NoAnswer(exception);
        }
    }

    // No answer came (refused, reset, timed out): the runtime describes the client's own failure,
    // and learns the method the call used.
    private static Exception NoAnswer(Exception error) => error is ApiExceptionBase refit
        ? new ExternalCallException(refit.HttpMethod.Method, refit.Uri, refit.InnerException ?? refit)
        : error;

    // Refit reports a status it does not like, and a body it could not read, as ApiException.
    private static ExternalResponse<T> FromException<T>(ApiException exception) => new()
    {
        Method = exception.HttpMethod.Method,
        Url = exception.Uri,
        RequestHeaders = HeadersOf(exception.RequestMessage),
        StatusCode = (int)exception.StatusCode,
        Headers = Collect(exception.Headers, exception.ContentHeaders),
        RawBody = exception.Content,
        DeserializationError = exception.InnerException is JsonException json ? json.Message.Split(" Path:")[0] : null,
    };

    private static List<KeyValuePair<string, string>> HeadersOf(HttpRequestMessage? request)
        => request is null ? [] : request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value))).ToList();

    private static Dictionary<string, string> Collect(params System.Net.Http.Headers.HttpHeaders?[] groups)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            if (group is null)
            {
                continue;
            }

            foreach (var header in group)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        return headers;
    }
}
