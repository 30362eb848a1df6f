using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>The outcome of one execution of a node, whatever its response type.</summary>
/// <remarks>
/// The runtime fills one result in as the execution goes (there is no separate object for
/// what an execution gathers); it is handed out only once complete, and never changes after.
/// A result of an <c>IApiNode&lt;Stream&gt;</c> node owns its response while the caller reads
/// the body: it must be disposed (<c>using var r = await node.SendAsync(runtime);</c>), which
/// disposes the stream and closes the connection. Disposing any other result does nothing, and
/// everything but a Stream body stays readable after it.
/// </remarks>
public abstract class NodeResult : IDisposable, IAsyncDisposable
{
    private static readonly IReadOnlyDictionary<string, string> s_noHeaders =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    // The body as text, or until RawBody is first read the UTF-8 it is decoded from (what
    // KeptBody.Keep gave), or a binary body's exact bytes when the Test API asked for them
    // (KeptBinary): one field for all, so a result costs no more than it did before attempts
    // were counted.
    private object? _rawBody;

    // Set by the resilience pipeline; a single attempt is described from the result itself on first read.
    private IReadOnlyList<NodeAttempt>? _attempts;

    // The raw Content-Type header: the media type is cut out of it only when someone asks.
    private string? _contentTypeHeader;

    // A Stream body handed out with this result, and the response under it; null for every other body.
    private Stream? _ownedBody;

    private protected NodeResult(string nodeName, DateTimeOffset startedAt)
    {
        NodeName = nodeName;
        StartedAt = startedAt;
    }

    /// <summary>The node's name (its class name).</summary>
    public string NodeName { get; }

    /// <summary>How the execution ended.</summary>
    public NodeOutcome Outcome { get; internal set; } = NodeOutcome.Failed;

    /// <summary>True when <see cref="Outcome"/> is <see cref="NodeOutcome.Succeeded"/>.</summary>
    public bool IsSuccess => Outcome == NodeOutcome.Succeeded;

    /// <summary>The HTTP status code, or null when no response arrived.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>
    /// The response body as text, kept as <see cref="NodeRuntimeOptions.RawBodyRetention"/> says:
    /// by default when the body was not read into <c>Body</c> (a failure, an empty body, an
    /// untyped node's non-JSON body) and for <c>string</c> nodes; null for a body read into a
    /// typed <c>Body</c>, for HEAD, and when no response arrived. Always null for a binary body
    /// (a media type that is not text, JSON, XML, form data or JavaScript; with no Content-Type,
    /// bytes that are not valid UTF-8): decoding it as text would lose bytes.
    /// </summary>
    public string? RawBody => _rawBody as string ?? DecodeRawBody();

    /// <summary>
    /// The media type of the response as the server sent it (<c>image/png</c>, <c>application/json</c>),
    /// without parameters such as the charset (the whole header is in <see cref="Headers"/>); null
    /// when the server sent no Content-Type or no response arrived.
    /// </summary>
    public string? ContentType => MediaTypes.MediaTypeOf(_contentTypeHeader);

    /// <summary>
    /// The size of the body in bytes: the bytes read for a body the runtime read whole, and for a
    /// <c>Stream</c> body (not read yet when the result is handed out) the Content-Length the
    /// server declared, or null when it declared none. Null for HEAD, when no response arrived,
    /// and when the body was not read (larger than the limit, or broken off).
    /// </summary>
    public long? ContentLength { get; internal set; }

    /// <summary>The response and content headers, names compared ignoring case; multiple values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; internal set; } = s_noHeaders;

    /// <summary>When the request started (from the runtime's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How long the whole exchange took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Why the node failed; null when it succeeded.</summary>
    public NodeError? Error { get; private set; }

    /// <summary>
    /// Each attempt made, in order: one without retries, none when nothing was sent (not
    /// executed, skipped, invalid input). The result's own status, error and body are the last attempt's.
    /// </summary>
    public IReadOnlyList<NodeAttempt> Attempts => _attempts ??= AttemptCount == 0 ? [] : [OnlyAttempt()];

    /// <summary>How many attempts were made (what the history records).</summary>
    internal int AttemptCount { get; set; }

    /// <summary>Records the attempts the resilience pipeline made.</summary>
    internal void SetAttempts(IReadOnlyList<NodeAttempt> attempts)
    {
        _attempts = attempts;
        AttemptCount = attempts.Count;
    }

    private NodeAttempt OnlyAttempt() => new()
    {
        Number = 1,
        StartedAt = StartedAt,
        Elapsed = Elapsed,
        StatusCode = StatusCode,
        ErrorKind = Error?.Kind,
        Message = Error?.Message,
    };

    /// <summary>The body text when it has been decoded, or was never UTF-8; see <see cref="RawBodyUtf8"/>.</summary>
    internal string? RawBodyText
    {
        get => _rawBody as string;
        set => _rawBody = value;
    }

    /// <summary>
    /// The UTF-8 body (without a BOM) that <see cref="RawBody"/> decodes from on first use, so a
    /// caller that never reads the text pays no string for it: what <see cref="KeptBody.Keep"/> gave.
    /// </summary>
    internal object? RawBodyUtf8
    {
        set => _rawBody = value;
    }

    /// <summary>
    /// A binary body's exact bytes, kept only when the execution's scope asked to keep the body
    /// (the Test API, to save it); null otherwise and for a text body. <see cref="RawBody"/> stays null for it.
    /// </summary>
    internal byte[]? RawBodyBytes
    {
        get => (_rawBody as KeptBinary)?.Bytes;
        set => _rawBody = value is null ? null : new KeptBinary(value);
    }

    // Decodes the kept UTF-8 once; a reader racing another decodes it again, to the same text.
    private string? DecodeRawBody()
    {
        object? kept = _rawBody;
        if (kept is null or string or KeptBinary)
        {
            return kept as string;
        }

        string? text = KeptBody.Decode(kept);
        _rawBody = text;
        return text;
    }

    /// <summary>Disposes a <c>Stream</c> body the result owns, closing its response; does nothing for other bodies.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _ownedBody, null)?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes a <c>Stream</c> body the result owns, closing its response; does nothing for other bodies.</summary>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return Interlocked.Exchange(ref _ownedBody, null)?.DisposeAsync() ?? default;
    }

    /// <summary>Makes the result the owner of a <c>Stream</c> body handed out with it.</summary>
    internal void Own(Stream body) => _ownedBody = body;

    /// <summary>The Content-Type header as sent (see <see cref="ContentType"/>).</summary>
    internal string? ContentTypeHeader
    {
        set => _contentTypeHeader = value;
    }

    /// <summary>Takes the answer of the attempt that ended the execution: its status, headers, body text and outcome.</summary>
    private protected void TakeAnswerFrom(NodeResult attempt)
    {
        StatusCode = attempt.StatusCode;
        Headers = attempt.Headers;
        _contentTypeHeader = attempt._contentTypeHeader;
        _ownedBody = Interlocked.Exchange(ref attempt._ownedBody, null);
        ContentLength = attempt.ContentLength;
        _rawBody = attempt._rawBody;
        Error = attempt.Error;
        Outcome = attempt.Outcome;
    }

    /// <summary>Records why the execution failed, and the outcome that follows from it.</summary>
    internal void Fail(NodeError error)
    {
        Error = error;
        Outcome = error.Kind switch
        {
            NodeErrorKind.Timeout => NodeOutcome.TimedOut,
            NodeErrorKind.Cancelled => NodeOutcome.Cancelled,
            NodeErrorKind.RunAborted => NodeOutcome.NotExecuted,
            NodeErrorKind.SkippedInput => NodeOutcome.Skipped,
            _ => NodeOutcome.Failed,
        };
    }

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
    internal NodeResult(string nodeName, DateTimeOffset startedAt)
        : base(nodeName, startedAt)
    {
    }

    /// <summary>The typed response body; default when the node did not succeed or the method is HEAD.</summary>
    public T? Body { get; internal set; }

    /// <summary>Takes the answer and body of the attempt that ended the execution.</summary>
    internal void TakeFrom(NodeResult<T> attempt)
    {
        TakeAnswerFrom(attempt);
        Body = attempt.Body;
    }

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

// A binary body's bytes in NodeResult's body field: wrapped, because a bare byte[] there is UTF-8 text to decode.
internal sealed record KeptBinary(byte[] Bytes);
