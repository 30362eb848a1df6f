using System;

namespace SdkNodes;

/// <summary>
/// Binds the property to the URI template variable <paramref name="name"/>, for variables
/// whose name is not a C# identifier or differs from the property's name.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class UriParamAttribute(string name) : Attribute
{
    /// <summary>The template variable's name.</summary>
    public string Name { get; } = name;
}
