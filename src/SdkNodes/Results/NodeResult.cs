using System;
using System.Collections.Generic;

namespace SdkNodes;

/// <summary>The outcome of one execution of a node, whatever its response type.</summary>
public abstract class NodeResult
{
    // The body text is decoded from the kept UTF-8 bytes on first read of RawBody.
    private readonly object? _rawBodyUtf8;
    private string? _rawBody;

    private protected NodeResult(NodeExchange exchange)
    {
        NodeName = exchange.NodeName;
        Outcome = exchange.Outcome;
        StatusCode = exchange.StatusCode;
        _rawBody = exchange.RawBody;
        _rawBodyUtf8 = exchange.RawBodyUtf8;
        Headers = exchange.Headers;
        StartedAt = exchange.StartedAt;
        Elapsed = exchange.Elapsed;
        Error = exchange.Error;
    }

    /// <summary>The node's name (its class name).</summary>
    public string NodeName { get; }

    /// <summary>How the execution ended.</summary>
    public NodeOutcome Outcome { get; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="NodeOutcome.Succeeded"/>.</summary>
    public bool IsSuccess => Outcome == NodeOutcome.Succeeded;

    /// <summary>The HTTP status code, or null when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The response body as text; null for HEAD or when no response arrived.</summary>
    public string? RawBody => _rawBody ??= KeptBody.Decode(_rawBodyUtf8);

    /// <summary>The response and content headers, names compared ignoring case; multiple values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>When the request started (from the runtime's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How long the whole exchange took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Why the node failed; null when it succeeded.</summary>
    public NodeError? Error { get; }

    /// <summary>A response header as a value that is skipped when the node did not succeed or the header is absent.</summary>
    public NodeValue<string> Header(string name)
    {
        if (SkipReasonIfFailed() is { } reason)
        {
            return NodeValue<string>.Skipped(reason);
        }

        return Headers.TryGetValue(name, out string? value)
            ? value
            : NodeValue<string>.Skipped($"{NodeName} answered without a '{name}' header.");
    }

    /// <summary>Why values read from this result are skipped, or null when the node succeeded.</summary>
    private protected string? SkipReasonIfFailed() => Outcome switch
    {
        NodeOutcome.Succeeded => null,
        NodeOutcome.TimedOut => $"{NodeName} timed out: {Error?.Message}",
        NodeOutcome.NotExecuted or NodeOutcome.Skipped => $"{NodeName} did not run: {Error?.Message}",
        _ => $"{NodeName} failed: {Error?.Message}",
    };

    /// <inheritdoc />
    public override string ToString()
    {
        string status = StatusCode is int code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        return Error is null
            ? $"{NodeName}: {Outcome} ({status}) in {Elapsed.TotalSeconds:0.00} s"
            : $"{NodeName}: {Outcome} ({status}) in {Elapsed.TotalSeconds:0.00} s: {Error.Message}";
    }
}

/// <summary>The outcome of one execution of a node whose response body is a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The response body type.</typeparam>
public sealed class NodeResult<T> : NodeResult
{
    internal NodeResult(NodeExchange exchange, T? body)
        : base(exchange)
    {
        Body = body;
    }

    /// <summary>The typed response body; default when the node did not succeed or the method is HEAD.</summary>
    public T? Body { get; }

    /// <summary>
    /// Reads a value from the body, for later nodes and record updates: skipped (with the node's
    /// name and error) when the node did not succeed or returned no body, instead of null.
    /// </summary>
    public NodeValue<TValue> Output<TValue>(Func<T, TValue> projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (SkipReasonIfFailed() is { } reason)
        {
            return NodeValue<TValue>.Skipped(reason);
        }

        return Body is { } body
            ? projection(body)
            : NodeValue<TValue>.Skipped($"{NodeName} returned no body.");
    }
}
