using System;

namespace SdkNodes;

/// <summary>
/// The node's timeout in seconds, fractions allowed, in (0, 300]. It covers the whole
/// exchange: connecting, the response headers and the whole body. Without it the runtime's
/// <see cref="NodeRuntimeOptions.DefaultTimeout"/> (10 s) applies.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TimeoutAttribute(double seconds) : Attribute
{
    /// <summary>The timeout in seconds.</summary>
    public double Seconds { get; } = seconds;
}
