using System;

namespace SdkNodes;

/// <summary>
/// The property whose value is the request body (not on GET or HEAD: SDKN007). A record or other
/// object is sent as JSON; a <c>string</c> as text (<c>text/plain; charset=utf-8</c>); a
/// <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>, <c>Stream</c> or <see cref="NodeFile"/> as
/// binary. <see cref="ContentTypeAttribute"/> sets a raw body's media type. See docs/bodies.md.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class BodyAttribute : Attribute
{
}
