using System;

namespace SdkNodes;

/// <summary>
/// The largest response body this node reads, in bytes, in place of the runtime's
/// <see cref="NodeRuntimeOptions.MaxResponseBytes"/> (16 MiB by default); it may be smaller or
/// larger than that. A body whose declared Content-Length is larger is refused before it is read;
/// a body without one stops being read as soon as it passes the limit. Either way the node fails
/// with <see cref="NodeErrorKind.ResponseTooLarge"/>. The limit must be positive.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MaxResponseBytesAttribute(long bytes) : Attribute
{
    /// <summary>The limit in bytes.</summary>
    public long Bytes { get; } = bytes;
}
