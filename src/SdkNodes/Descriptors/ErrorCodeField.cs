using System;
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

    /// <summary>
    /// An error-code field for a node not made by the generator (a Refit node): the pointers are
    /// JSON Pointers (RFC 6901) such as <c>/error_code</c>, checked and split here.
    /// </summary>
    /// <exception cref="ArgumentException">A pointer does not start with '/' or has an escape other than ~0 and ~1.</exception>
    public static ErrorCodeField FromPointer(string pointer, string? success = null, string? messagePointer = null)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        return new ErrorCodeField
        {
            Pointer = pointer,
            PointerTokens = Tokens(pointer, nameof(pointer)),
            Success = success,
            MessagePointer = messagePointer,
            MessagePointerTokens = messagePointer is null ? null : Tokens(messagePointer, nameof(messagePointer)),
        };
    }

    private static string[] Tokens(string pointer, string parameter)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new ArgumentException($"The JSON Pointer '{pointer}' must start with '/'.", parameter);
        }

        string[] tokens = pointer[1..].Split('/');
        for (int i = 0; i < tokens.Length; i++)
        {
            string token = tokens[i];
            for (int at = token.IndexOf('~'); at >= 0; at = token.IndexOf('~', at + 1))
            {
                if (at + 1 >= token.Length || (token[at + 1] != '0' && token[at + 1] != '1'))
                {
                    throw new ArgumentException($"The JSON Pointer '{pointer}' has '~' not followed by 0 or 1.", parameter);
                }
            }

            tokens[i] = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }

        return tokens;
    }
}
