using System;

namespace SdkNodes;

/// <summary>
/// The HTTP status codes that count as success. Without this attribute any 2xx code is a
/// success; anything else fails the node.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SuccessCodesAttribute(params int[] codes) : Attribute
{
    /// <summary>The status codes that count as success.</summary>
    public int[] Codes { get; } = codes;
}
