using Microsoft.Extensions.Logging;

namespace SdkNodes;

/// <summary>The runtime's log messages, source-generated. URLs are the redacted ones; values are never logged.</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Node} {Method} {Url} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void Succeeded(ILogger logger, string node, string method, string url, int? statusCode, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Node} {Method} {Url} {Outcome} ({Kind}) after {ElapsedMs:0.0} ms: {Error}")]
    public static partial void Failed(ILogger logger, string node, string method, string url, NodeOutcome outcome, NodeErrorKind? kind, double elapsedMs, string? error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Node} was not run ({Outcome}): {Error}")]
    public static partial void NotRun(ILogger logger, string node, NodeOutcome outcome, string? error);
}
