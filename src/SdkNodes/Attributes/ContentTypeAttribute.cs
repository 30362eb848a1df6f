using System;

namespace SdkNodes;

/// <summary>
/// The media type of a raw <see cref="BodyAttribute"/> body (a <c>string</c>, <c>byte[]</c>,
/// <c>ReadOnlyMemory&lt;byte&gt;</c>, <c>Stream</c> or <see cref="NodeFile"/>), e.g.
/// <c>application/xml</c>. Without it: <c>text/plain; charset=utf-8</c> for text, the file's own
/// type for a <see cref="NodeFile"/>, <c>application/octet-stream</c> for other binary bodies.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ContentTypeAttribute(string mediaType) : Attribute
{
    /// <summary>The media type, parameters allowed (e.g. <c>text/xml; charset=utf-8</c>).</summary>
    public string MediaType { get; } = mediaType;
}
