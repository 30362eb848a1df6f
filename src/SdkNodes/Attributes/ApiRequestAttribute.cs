using System;

namespace SdkNodes;

/// <summary>
/// Marks a <c>partial</c> class as a "custom request" node: the source generator turns it
/// into an executor that sends <paramref name="method"/> to <paramref name="uriTemplate"/>.
/// </summary>
/// <remarks>
/// The template follows RFC 6570 and is parsed at build time. It is absolute
/// (<c>https://api.example.com/orders/{id}</c>) or relative (<c>/orders/{id}</c>); a relative
/// template resolves against the base address that <see cref="NodeRuntimeOptions"/> gives.
/// </remarks>
/// <param name="method">GET, POST, PUT, DELETE, HEAD or PATCH.</param>
/// <param name="uriTemplate">An RFC 6570 URI template.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ApiRequestAttribute(string method, string uriTemplate) : Attribute
{
    /// <summary>The HTTP method.</summary>
    public string Method { get; } = method;

    /// <summary>The RFC 6570 URI template.</summary>
    public string UriTemplate { get; } = uriTemplate;
}
