using System;
using System.Collections.Generic;

namespace SdkNodes;

/// <summary>
/// Everything the build knows about a node: generated once per node class as its static
/// <c>Descriptor</c>, read by the runtime, the Test API and tools that list nodes.
/// </summary>
public sealed class NodeDescriptor
{
    private static readonly IReadOnlyDictionary<int, string> s_noStatusMessages = new Dictionary<int, string>();
    private static readonly IReadOnlyDictionary<string, string> s_noCodeMessages = new Dictionary<string, string>();

    /// <summary>The node's class name, e.g. <c>IpAttribution</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The node's full type name, e.g. <c>Contoso.Nodes.IpAttribution</c>.</summary>
    public required string FullName { get; init; }

    /// <summary>Custom request or data object.</summary>
    public NodeKind Kind { get; init; }

    /// <summary>What <see cref="Method"/> holds for a call made by another client, whose method is known only from its answer.</summary>
    public const string UnknownMethod = "?";

    /// <summary>The HTTP method in upper case, or <see cref="UnknownMethod"/>.</summary>
    public required string Method { get; init; }

    /// <summary>The RFC 6570 URI template as written on the attribute.</summary>
    public required string UriTemplate { get; init; }

    /// <summary>True when the template has no scheme and resolves against a base address.</summary>
    public bool IsRelative { get; init; }

    /// <summary>The node's settable properties, in declaration order.</summary>
    public IReadOnlyList<NodeParameter> Parameters { get; init; } = [];

    /// <summary>The status codes that count as success; empty means any 2xx.</summary>
    public IReadOnlyList<int> SuccessCodes { get; init; } = [];

    /// <summary>Readable messages for status codes.</summary>
    public IReadOnlyDictionary<int, string> StatusMessages { get; init; } = s_noStatusMessages;

    /// <summary>Readable messages for error codes read from the body.</summary>
    public IReadOnlyDictionary<string, string> ErrorCodeMessages { get; init; } = s_noCodeMessages;

    /// <summary>Where the body carries an error code, if it does.</summary>
    public ErrorCodeField? ErrorCodeField { get; init; }

    /// <summary>What happens when the node fails or times out.</summary>
    public FailureAction FailureAction { get; init; }

    /// <summary>The node's own timeout from <see cref="TimeoutAttribute"/>, or null for the runtime's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The node's own response size limit in bytes from <see cref="MaxResponseBytesAttribute"/>, or
    /// null for the runtime's <see cref="NodeRuntimeOptions.MaxResponseBytes"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public long? MaxResponseBytes
    {
        get;
        init => field = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), value, "The response size limit must be positive.");
    }

    /// <summary>True when the node sends through the organisation's web proxy.</summary>
    public bool UseProxy { get; init; }

    /// <summary>How many redirects the node follows (<see cref="FollowRedirectsAttribute"/>); 0, the default, follows none.</summary>
    public int MaxRedirects { get; init; }

    /// <summary>
    /// False when the node switched TLS certificate verification off with
    /// <see cref="DisableCertificateValidationAttribute"/>. Default: true.
    /// </summary>
    public bool ValidateCertificate { get; init; } = true;

    /// <summary>The response body type, or null for an untyped node (<see cref="IApiNode"/>).</summary>
    public Type? ResponseType { get; init; }

    /// <summary>The response type as written in C#, e.g. <c>IpInfo</c>; null for an untyped node.</summary>
    public string? ResponseTypeName { get; init; }

    /// <summary>True when the response type is nullable, so an empty body is a success with no body.</summary>
    public bool AllowsEmptyResponse { get; init; }

    /// <summary>
    /// Builds the node from text values (its generated <c>FromValues</c>), for the Test API and the
    /// command line; null when the node has no parameterless constructor.
    /// </summary>
    public Func<IReadOnlyDictionary<string, string?>, System.Text.Json.JsonSerializerOptions, IGeneratedNode>? CreateFromValues { get; init; }

    /// <summary>Names of request headers whose values are secrets (from <see cref="SecretAttribute"/> properties).</summary>
    public IReadOnlyList<string> SecretHeaders { get; init; } = [];

    /// <summary>The node's retry from <see cref="RetryAttribute"/>, or null for the runtime's <see cref="NodeRuntimeOptions.DefaultRetry"/>.</summary>
    public RetrySettings? Retry { get; init; }

    /// <summary>The header that carries the node's idempotency key (<see cref="IdempotencyKeyAttribute"/>), or null for none.</summary>
    public string? IdempotencyKeyHeader { get; init; }

    /// <summary>The node's circuit breaker (<see cref="CircuitBreakerAttribute"/>), or null for none.</summary>
    public CircuitBreakerSettings? CircuitBreaker { get; init; }

    /// <summary>The node's rate limit (<see cref="RateLimitAttribute"/>), or null for none.</summary>
    public RateLimitSettings? RateLimit { get; init; }

    /// <summary>True when <paramref name="statusCode"/> counts as success for this node.</summary>
    public bool IsSuccessCode(int statusCode)
    {
        if (SuccessCodes.Count == 0)
        {
            return statusCode is >= 200 and <= 299;
        }

        foreach (int code in SuccessCodes)
        {
            if (code == statusCode)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="result"/> ends the workflow: this node aborts on failure and it failed or timed out.</summary>
    internal bool Aborts(NodeResult result)
        => FailureAction == FailureAction.Abort && result.Outcome is NodeOutcome.Failed or NodeOutcome.TimedOut;

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Method} {UriTemplate}";
}
