namespace SdkNodes;

/// <summary>What kind of failure a <see cref="NodeError"/> describes.</summary>
public enum NodeErrorKind
{
    /// <summary>The exchange took longer than the node's timeout.</summary>
    Timeout,

    /// <summary>The server could not be reached: refused, reset, or the name did not resolve.</summary>
    Connection,

    /// <summary>The server broke the HTTP protocol, or the connection ended mid-response.</summary>
    Protocol,

    /// <summary>The server answered with a status code that is not a success code.</summary>
    Status,

    /// <summary>The body carried an error code (see <see cref="ErrorCodeFieldAttribute"/>).</summary>
    ErrorCode,

    /// <summary>The body could not be read as the node's response type.</summary>
    Deserialization,

    /// <summary>The body was larger than the allowed maximum.</summary>
    ResponseTooLarge,

    /// <summary>The server's TLS certificate was not trusted.</summary>
    Certificate,

    /// <summary>The web proxy refused the request or could not be reached.</summary>
    Proxy,

    /// <summary>The runtime refused to send to the address (e.g. a private network).</summary>
    Blocked,

    /// <summary>The node's own values were not valid; nothing was sent.</summary>
    InvalidInput,

    /// <summary>The caller cancelled the request.</summary>
    Cancelled,

    /// <summary>The node did not run: an earlier node of its workflow run aborted the run.</summary>
    RunAborted,

    /// <summary>The node did not run: a value it requires was skipped.</summary>
    SkippedInput,

    /// <summary>A failure that fits no other kind.</summary>
    Unknown,

    /// <summary>The node's circuit breaker is open after repeated failures: nothing was sent.</summary>
    CircuitOpen,

    /// <summary>No permit of the node's rate limit came within its timeout, or too many callers were waiting.</summary>
    RateLimited,
}
