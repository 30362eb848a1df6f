using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace SdkNodes.Refit;

/// <summary>
/// A call on a Refit client that runs as a node: its success codes, error messages, timeout
/// and failure action work as the attributes of a generated node do. The call is a lambda over
/// the client; it takes the node's cancellation token (the timeout cancels through it) and
/// returns <see cref="IApiResponse{T}"/> or <c>T</c> (then Refit's <see cref="ApiException"/>
/// carries a failure). Refit's generator only sees hand-written interfaces, so this wraps calls;
/// it emits no interfaces.
/// </summary>
/// <typeparam name="TApi">The Refit interface.</typeparam>
/// <typeparam name="T">The response body type.</typeparam>
public sealed class RefitNode<TApi, T>
{
    private readonly Func<TApi, CancellationToken, Task<IApiResponse<T>>> _call;

    /// <summary>A node over a call that returns <see cref="IApiResponse{T}"/>.</summary>
    public RefitNode(string name, Func<TApi, CancellationToken, Task<IApiResponse<T>>> call)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(call);
        Name = name;
        _call = call;
    }

    /// <summary>A node over a call that returns <c>T</c> and throws <see cref="ApiException"/> on failure.</summary>
    public RefitNode(string name, Func<TApi, CancellationToken, Task<T>> call)
        : this(name, async (api, ct) => await Wrap(call, api, ct).ConfigureAwait(false))
    {
    }

    /// <summary>The node's name in results and the history.</summary>
    public string Name { get; }

    /// <summary>The status codes that count as success; empty (the default) means any 2xx.</summary>
    public IReadOnlyList<int> SuccessCodes { get; init; } = [];

    /// <summary>Readable messages for status codes.</summary>
    public IReadOnlyDictionary<int, string> ErrorMessages { get; init; } = new Dictionary<int, string>();

    /// <summary>The node's timeout; null for the runtime's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>What happens when the call fails or times out. Default: continue.</summary>
    public FailureAction OnFailure { get; init; }

    internal NodeDescriptor Describe() => new()
    {
        Name = Name,
        FullName = $"{typeof(TApi).FullName}.{Name}",
        Method = "?",
        UriTemplate = $"Refit {typeof(TApi).Name}",
        SuccessCodes = SuccessCodes,
        StatusMessages = ErrorMessages,
        Timeout = Timeout,
        FailureAction = OnFailure,
        ResponseType = typeof(T),
        ResponseTypeName = typeof(T).Name,
    };

    internal Task<IApiResponse<T>> CallAsync(TApi api, CancellationToken cancellationToken) => _call(api, cancellationToken);

    // A call that returns T: success becomes a response; ApiException carries the failure.
    private static async Task<IApiResponse<T>> Wrap(Func<TApi, CancellationToken, Task<T>> call, TApi api, CancellationToken cancellationToken)
    {
        T body = await call(api, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<T>(new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK), body, new RefitSettings());
    }
}
