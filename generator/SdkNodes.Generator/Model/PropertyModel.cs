namespace SdkNodes.Generator.Model;

/// <summary>One settable property of a node, with how its value is formatted and what it binds to.</summary>
internal sealed record PropertyModel(
    string Name,
    string Type,
    string TypeOf,
    string TypeDisplayName,
    bool IsSecret,
    bool IsRequired,
    bool IsNullableValueType,
    bool IsReferenceType,
    PropertyBinding Binding,
    string? BindsTo,
    ValueFormat Format,
    string? FormatString);

/// <summary>What a property's value goes into (mirrors <c>SdkNodes.NodeParameterBinding</c>).</summary>
internal enum PropertyBinding
{
    None = 0,
    UriVariable = 1,
    Header = 2,
    Body = 3,
}

/// <summary>How a value is turned into text for a URI or a header.</summary>
internal enum ValueFormat
{
    /// <summary>The type has no text form the generator knows.</summary>
    Unsupported,
    String,
    Char,
    Boolean,

    /// <summary>An <c>ISpanFormattable</c> value type (numbers, enums, dates, Guid): formatted without boxing.</summary>
    SpanFormattable,

    /// <summary>Any other <c>IFormattable</c>.</summary>
    Formattable,
}
