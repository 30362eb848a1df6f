using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace SdkNodes.Refit;

/// <summary>
/// A call on a Refit client that runs as a node: its success codes, error messages and body
/// error codes, timeout, resilience (retry, idempotency key, breaker, rate limit), secret
/// headers and failure action work as the attributes of a generated node do. The call is a
/// lambda over the client; it takes the node's cancellation token (the timeout cancels through
/// it) and returns <see cref="IApiResponse{T}"/> or <c>T</c> (then Refit's
/// <see cref="ApiException"/> carries a failure). It is made once per attempt; the overloads
/// taking a <see cref="NodeCall"/> also get the attempt's idempotency key, to pass to a
/// <c>[Header("Idempotency-Key")]</c> parameter. Refit's generator only sees hand-written
/// interfaces, so this wraps calls; it emits no interfaces.
/// </summary>
/// <typeparam name="TApi">The Refit interface.</typeparam>
/// <typeparam name="T">The response body type.</typeparam>
public sealed class RefitNode<TApi, T>
{
    private readonly Func<TApi, NodeCall, CancellationToken, Task<IApiResponse<T>>> _call;
    private NodeDescriptor? _descriptor;

    /// <summary>A node over a call that returns <see cref="IApiResponse{T}"/> and is told its attempt and idempotency key.</summary>
    public RefitNode(string name, Func<TApi, NodeCall, CancellationToken, Task<IApiResponse<T>>> call)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(call);
        Name = name;
        _call = call;
    }

    /// <summary>A node over a call that returns <see cref="IApiResponse{T}"/>.</summary>
    public RefitNode(string name, Func<TApi, CancellationToken, Task<IApiResponse<T>>> call)
        : this(name, Adapt(call))
    {
    }

    /// <summary>A node over a call that returns <c>T</c>, throws <see cref="ApiException"/> on failure, and is told its attempt and idempotency key.</summary>
    public RefitNode(string name, Func<TApi, NodeCall, CancellationToken, Task<T>> call)
        : this(name, async (api, attempt, ct) => await Wrap(call, api, attempt, ct).ConfigureAwait(false))
    {
    }

    /// <summary>A node over a call that returns <c>T</c> and throws <see cref="ApiException"/> on failure.</summary>
    public RefitNode(string name, Func<TApi, CancellationToken, Task<T>> call)
        : this(name, Adapt(call))
    {
    }

    /// <summary>The node's name in results and the history.</summary>
    public string Name { get; }

    /// <summary>
    /// The call's HTTP method, e.g. <c>GET</c>, when known; null (the default) learns it from the
    /// answer. A call whose method is not known is not retried after a timeout or connection
    /// failure unless it sends an idempotency key: it may have been a POST.
    /// </summary>
    public string? Method { get; init; }

    /// <summary>The status codes that count as success; empty (the default) means any 2xx.</summary>
    public IReadOnlyList<int> SuccessCodes { get; init; } = [];

    /// <summary>Readable messages for status codes.</summary>
    public IReadOnlyDictionary<int, string> ErrorMessages { get; init; } = new Dictionary<int, string>();

    /// <summary>Where the body carries an error code (<see cref="ErrorCodeField.FromPointer"/>), or null. Default: none.</summary>
    public ErrorCodeField? ErrorCodeField { get; init; }

    /// <summary>Readable messages for body error codes.</summary>
    public IReadOnlyDictionary<string, string> ErrorCodeMessages { get; init; } = new Dictionary<string, string>();

    /// <summary>Request headers whose values are secrets, masked in the history (besides the runtime's sensitive headers).</summary>
    public IReadOnlyList<string> SecretHeaders { get; init; } = [];

    /// <summary>The node's timeout, for each attempt; null for the runtime's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>What happens when the call fails or times out. Default: continue.</summary>
    public FailureAction OnFailure { get; init; }

    /// <summary>The node's retry; null for the runtime's <see cref="NodeRuntimeOptions.DefaultRetry"/>. POST and PATCH calls are retried only with <see cref="IdempotencyKeyHeader"/>.</summary>
    public RetrySettings? Retry { get; init; }

    /// <summary>The header the call sends its idempotency key in (the call passes <see cref="NodeCall.IdempotencyKey"/> to it), or null for none.</summary>
    public string? IdempotencyKeyHeader { get; init; }

    /// <summary>The node's circuit breaker, or null. Without a key, the calls of one Refit interface share one breaker.</summary>
    public CircuitBreakerSettings? CircuitBreaker { get; init; }

    /// <summary>The node's rate limit, or null. Without a key, the calls of one Refit interface share one limiter.</summary>
    public RateLimitSettings? RateLimit { get; init; }

    /// <summary>The node's descriptor, made once (the runtime keeps a node's pipeline by it).</summary>
    /// <exception cref="ArgumentException">A resilience setting is out of range.</exception>
    internal NodeDescriptor Describe() => _descriptor ??= CreateDescriptor();

    internal Task<IApiResponse<T>> CallAsync(TApi api, NodeCall attempt, CancellationToken cancellationToken) => _call(api, attempt, cancellationToken);

    private NodeDescriptor CreateDescriptor()
    {
        Retry?.Validate($"{Name}.Retry");
        CircuitBreaker?.Validate($"{Name}.CircuitBreaker");
        RateLimit?.Validate($"{Name}.RateLimit");
        return new NodeDescriptor
        {
            Name = Name,
            FullName = $"{typeof(TApi).FullName}.{Name}",
            Method = Method ?? NodeDescriptor.UnknownMethod,
            UriTemplate = $"Refit {typeof(TApi).FullName}",
            SuccessCodes = SuccessCodes,
            StatusMessages = ErrorMessages,
            ErrorCodeField = ErrorCodeField,
            ErrorCodeMessages = ErrorCodeMessages,
            SecretHeaders = SecretHeaders,
            Timeout = Timeout,
            FailureAction = OnFailure,
            Retry = Retry,
            IdempotencyKeyHeader = IdempotencyKeyHeader,
            CircuitBreaker = CircuitBreaker,
            RateLimit = RateLimit,
            ResponseType = typeof(T),
            ResponseTypeName = typeof(T).Name,
        };
    }

    private static Func<TApi, NodeCall, CancellationToken, Task<IApiResponse<T>>> Adapt(Func<TApi, CancellationToken, Task<IApiResponse<T>>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (api, _, ct) => call(api, ct);
    }

    private static Func<TApi, NodeCall, CancellationToken, Task<T>> Adapt(Func<TApi, CancellationToken, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (api, _, ct) => call(api, ct);
    }

    // A call that returns T: success becomes a response; ApiException carries the failure.
    private static async Task<IApiResponse<T>> Wrap(Func<TApi, NodeCall, CancellationToken, Task<T>> call, TApi api, NodeCall attempt, CancellationToken cancellationToken)
    {
        T body = await call(api, attempt, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<T>(new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK), body, new RefitSettings());
    }
}
