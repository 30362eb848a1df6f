using System.Collections.Generic;

namespace SdkNodes;

/// <summary>Where a response body carries an error code, from <see cref="ErrorCodeFieldAttribute"/>.</summary>
public sealed class ErrorCodeField
{
    /// <summary>The JSON Pointer as written, e.g. <c>/error_code</c>.</summary>
    public required string Pointer { get; init; }

    /// <summary>The pointer's reference tokens, unescaped at build time.</summary>
    public required IReadOnlyList<string> PointerTokens { get; init; }

    /// <summary>The code's text on success; null means any present code is a failure.</summary>
    public string? Success { get; init; }

    /// <summary>The JSON Pointer of a readable message, if any.</summary>
    public string? MessagePointer { get; init; }

    /// <summary>The message pointer's reference tokens; null when there is no message pointer.</summary>
    public IReadOnlyList<string>? MessagePointerTokens { get; init; }
}
