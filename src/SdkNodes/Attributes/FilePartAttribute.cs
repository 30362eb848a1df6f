using System;

namespace SdkNodes;

/// <summary>
/// The <see cref="NodeFile"/> property is a file part of a <c>multipart/form-data</c> body; the
/// node's <see cref="FormFieldAttribute"/> properties become its text parts. A null file leaves
/// the part out. Not on GET or HEAD (SDKN007).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FilePartAttribute : Attribute
{
    /// <summary>The part is named after the property, camelCase.</summary>
    public FilePartAttribute()
    {
    }

    /// <summary>The part is named <paramref name="name"/>.</summary>
    public FilePartAttribute(string name) => Name = name;

    /// <summary>The part's name, or null for the property's name in camelCase.</summary>
    public string? Name { get; }
}
