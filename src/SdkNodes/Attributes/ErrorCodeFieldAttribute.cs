using System;

namespace SdkNodes;

/// <summary>
/// For APIs that answer 200 with an error code in the body
/// (<c>{"error_code":10001,"reason":"..."}</c>): the JSON Pointer (RFC 6901) of that code.
/// A response whose code is present and differs from <see cref="Success"/> fails the node.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ErrorCodeFieldAttribute(string jsonPointer) : Attribute
{
    /// <summary>JSON Pointer to the error code, e.g. <c>/error_code</c>.</summary>
    public string JsonPointer { get; } = jsonPointer;

    /// <summary>
    /// The code's text when the call succeeded, e.g. <c>"0"</c>. When null, any code that is
    /// present (and not JSON null) is a failure.
    /// </summary>
    public string? Success { get; set; }

    /// <summary>JSON Pointer to a readable message in the body, e.g. <c>/reason</c>.</summary>
    public string? MessagePointer { get; set; }
}
