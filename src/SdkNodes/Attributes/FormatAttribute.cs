using System;

namespace SdkNodes;

/// <summary>
/// The format string used when the property's value is expanded into the URI, e.g.
/// <c>[Format("yyyy-MM-dd")]</c> on a <see cref="DateTime"/>. Always the invariant culture.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FormatAttribute(string format) : Attribute
{
    /// <summary>The format string.</summary>
    public string Format { get; } = format;
}
