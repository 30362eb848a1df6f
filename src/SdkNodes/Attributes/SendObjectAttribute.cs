using System;

namespace SdkNodes;

/// <summary>
/// Marks a <c>partial</c> class as a "send a data object" node: its one <see cref="BodyAttribute"/>
/// property holds a record that is pushed as JSON, optionally only the members named by
/// <see cref="FieldsAttribute"/>.
/// </summary>
/// <param name="method">POST, PUT or PATCH.</param>
/// <param name="uriTemplate">An RFC 6570 URI template.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SendObjectAttribute(string method, string uriTemplate) : Attribute
{
    /// <summary>The HTTP method.</summary>
    public string Method { get; } = method;

    /// <summary>The RFC 6570 URI template.</summary>
    public string UriTemplate { get; } = uriTemplate;
}
