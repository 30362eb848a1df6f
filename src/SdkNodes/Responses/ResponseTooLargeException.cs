using System.IO;

namespace SdkNodes;

/// <summary>
/// A response body passed its size limit (<see cref="NodeRuntimeOptions.MaxResponseBytes"/> or
/// <see cref="MaxResponseBytesAttribute"/>), and the rest of it was not read. A buffered body
/// makes the node fail with <see cref="NodeErrorKind.ResponseTooLarge"/> instead; this is what a
/// caller reading a <c>Stream</c> body sees, as an <see cref="IOException"/>, like any other
/// broken read of a stream.
/// </summary>
public sealed class ResponseTooLargeException : IOException
{
    /// <summary>Creates the exception for a limit of <paramref name="maxBytes"/>.</summary>
    public ResponseTooLargeException(long maxBytes)
        : base($"The response is larger than the allowed {maxBytes:N0} bytes, so the rest of it was not read.")
    {
        MaxBytes = maxBytes;
    }

    /// <summary>The limit the body passed, in bytes.</summary>
    public long MaxBytes { get; }
}
