using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace SdkNodes;

/// <summary>
/// What a call made by another HTTP client (a Refit interface, through SdkNodes.Refit) answered,
/// for the runtime to judge and record as a node execution.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record ExternalResponse<T>
{
    /// <summary>The HTTP method, for the history.</summary>
    public required string Method { get; init; }

    /// <summary>The address called; its sensitive query values are the caller's to keep out.</summary>
    public required Uri? Url { get; init; }

    /// <summary>The request headers, redacted by the runtime.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];

    /// <summary>The status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body as text, when the client kept it.</summary>
    public string? RawBody { get; init; }

    /// <summary>The typed body.</summary>
    public T? Body { get; init; }

    /// <summary>Why the client could not read the body as <typeparamref name="T"/>, or null.</summary>
    public string? DeserializationError { get; init; }
}
