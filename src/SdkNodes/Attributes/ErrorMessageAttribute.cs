using System;

namespace SdkNodes;

/// <summary>
/// Maps a failure to the readable message the run history shows: either an HTTP status code
/// (<c>[ErrorMessage(401, "The API key was rejected")]</c>) or an error code read from the
/// response body through <see cref="ErrorCodeFieldAttribute"/> (<c>[ErrorMessage("10001", "...")]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ErrorMessageAttribute : Attribute
{
    /// <summary>Maps an HTTP status code to a message.</summary>
    public ErrorMessageAttribute(int status, string message)
    {
        Status = status;
        Message = message;
    }

    /// <summary>Maps an error code found in the response body to a message.</summary>
    public ErrorMessageAttribute(string errorCode, string message)
    {
        ErrorCode = errorCode;
        Message = message;
    }

    /// <summary>The HTTP status code, or 0 when this maps a body error code.</summary>
    public int Status { get; }

    /// <summary>The body error code, or null when this maps a status code.</summary>
    public string? ErrorCode { get; }

    /// <summary>The message shown in results and the run history.</summary>
    public string Message { get; }
}
