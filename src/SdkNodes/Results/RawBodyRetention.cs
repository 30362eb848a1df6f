namespace SdkNodes;

/// <summary>When a result keeps the response body as text in <see cref="NodeResult.RawBody"/>.</summary>
/// <remarks>
/// Keeping the text costs a copy of every body, as large as the body: for a typed node whose
/// body was read into <see cref="NodeResult{T}.Body"/>, that copy is usually never looked at,
/// so by default it is not made.
/// </remarks>
public enum RawBodyRetention
{
    /// <summary>
    /// The default. The text is kept when the body was not read into <c>Body</c>: the node
    /// failed (a status or error code, a body that does not match the type), the body was
    /// empty, or an untyped node's body is not JSON. A <c>string</c> node's text is its
    /// <c>Body</c> and is always kept. A body read into <c>Body</c> is not kept.
    /// </summary>
    WhenNotDeserialized = 0,

    /// <summary>Every body is kept as text, successful or not (the Test API always does this).</summary>
    Always = 1,
}
