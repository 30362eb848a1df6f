namespace SdkNodes.Generator.Model;

/// <summary>How a value (a property, a list item or a map value) is written as text.</summary>
/// <param name="Format">Which writer call formats it.</param>
/// <param name="FormatString">The format string (<c>[Format]</c>, or ISO 8601 for dates); null for the type's default.</param>
/// <param name="TypeName">The value's type without <c>Nullable&lt;T&gt;</c>, fully qualified.</param>
/// <param name="IsNullableValueType">True when the value is a <c>Nullable&lt;T&gt;</c>: null is undefined.</param>
/// <param name="IsReferenceType">True when the value is a reference type: null is undefined.</param>
/// <param name="EnumMembers">For an enum, one member name per distinct value, in declaration order.</param>
internal sealed record TextForm(
    ValueFormat Format,
    string? FormatString,
    string TypeName,
    bool IsNullableValueType,
    bool IsReferenceType,
    EquatableArray<string> EnumMembers);

/// <summary>How a value is turned into text for a URI or a header.</summary>
internal enum ValueFormat
{
    String,
    Char,
    Boolean,

    /// <summary>Written by name through a generated switch, so the value is not boxed.</summary>
    Enum,

    /// <summary>An <c>ISpanFormattable</c> value type (numbers, dates, Guid): formatted without boxing.</summary>
    SpanFormattable,

    /// <summary>Any other <c>IFormattable</c>.</summary>
    Formattable,
}
