using System;

namespace SdkNodes;

/// <summary>
/// The property is a field of an <c>application/x-www-form-urlencoded</c> body (or, with a
/// <see cref="FilePartAttribute"/> on the node, a text part of a <c>multipart/form-data</c> body).
/// Values are formatted as URI values are (invariant culture, <see cref="FormatAttribute"/>, enums
/// by name); a list repeats its field; null leaves the field out. Not on GET or HEAD (SDKN007).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FormFieldAttribute : Attribute
{
    /// <summary>The field is named after the property, camelCase (as JSON names are by default).</summary>
    public FormFieldAttribute()
    {
    }

    /// <summary>The field is named <paramref name="name"/>.</summary>
    public FormFieldAttribute(string name) => Name = name;

    /// <summary>The field's name, or null for the property's name in camelCase.</summary>
    public string? Name { get; }
}
