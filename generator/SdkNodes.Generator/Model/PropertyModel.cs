namespace SdkNodes.Generator.Model;

/// <summary>One settable property of a node, with how its value is written and what it binds to.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Type">The property type, fully qualified, with its nullable annotation.</param>
/// <param name="TypeOf">The property type for a <c>typeof</c> expression.</param>
/// <param name="TypeDisplayName">The property type as a user reads it, e.g. <c>string?</c>.</param>
/// <param name="IsSecret">True for a <c>[Secret]</c> property.</param>
/// <param name="IsRequired">True when the property is <c>required</c> or its reference type is not nullable.</param>
/// <param name="IsRequiredMember">True when the property has the <c>required</c> modifier: an object initializer must set it.</param>
/// <param name="IsReferenceType">True when the property's type is a reference type.</param>
/// <param name="IsNullableValueType">True when the property's type is <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="Binding">What the value is sent as.</param>
/// <param name="BindsTo">
/// The header or form part name; for a URI variable, the variable's name as the template's
/// parts record it (<see cref="TemplateVariable.Property"/>).
/// </param>
/// <param name="Shape">A single value, a list or a map (RFC 6570 §2.3).</param>
/// <param name="Text">How the single value, each list item or each map value becomes text; null when it cannot.</param>
/// <param name="Parse">How <c>FromValues</c> reads the property from text.</param>
/// <param name="BodyFormat">For a <c>[Body]</c>: JSON, or sent raw as text or bytes.</param>
/// <param name="ContentType">The <c>[ContentType]</c> of a raw body; null lets the runtime choose.</param>
internal sealed record PropertyModel(
    string Name,
    string Type,
    string TypeOf,
    string TypeDisplayName,
    bool IsSecret,
    bool IsRequired,
    bool IsRequiredMember,
    bool IsReferenceType,
    bool IsNullableValueType,
    PropertyBinding Binding,
    string? BindsTo,
    ValueShape Shape,
    TextForm? Text,
    ParseForm Parse,
    BodyFormat BodyFormat,
    string? ContentType);

/// <summary>What a property's value goes into (mirrors <c>SdkNodes.NodeParameterBinding</c>).</summary>
internal enum PropertyBinding
{
    None = 0,
    UriVariable = 1,
    Header = 2,
    Body = 3,
    FormField = 4,
    FilePart = 5,
}

/// <summary>How a <c>[Body]</c> property is sent.</summary>
internal enum BodyFormat
{
    /// <summary>Serialized as JSON (any type but the raw ones below).</summary>
    Json,

    /// <summary>A <c>string</c>, sent as it is (<c>NodeRequest.SetTextBody</c>).</summary>
    Text,

    /// <summary><c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>, <c>Stream</c> or <c>NodeFile</c>, sent as bytes (<c>NodeRequest.SetBinaryBody</c>).</summary>
    Binary,
}

/// <summary>The RFC 6570 kinds of value.</summary>
internal enum ValueShape
{
    Single,
    List,
    Map,
}

/// <summary>
/// How <c>FromValues</c> reads a property from text: <paramref name="Kind"/> picks the parser,
/// <paramref name="ValueType"/> is the single value's, item's or map value's type (fully qualified).
/// </summary>
internal sealed record ParseForm(ParseKind Kind, string ValueType, bool IsNullableValueType);

/// <summary>The text parsers of <c>SdkNodes.Generated.NodeTextValues</c>.</summary>
internal enum ParseKind
{
    /// <summary>The text as it is.</summary>
    String,

    /// <summary>An <c>ISpanParsable&lt;T&gt;</c> (numbers, bool, Guid, dates), invariant culture.</summary>
    Parsable,

    /// <summary>An enum member's name or number, ignoring case.</summary>
    Enum,

    /// <summary>Comma-separated strings.</summary>
    StringList,

    /// <summary>Comma-separated parsable items.</summary>
    ParsableList,

    /// <summary><c>key=value</c> pairs separated by commas, string values.</summary>
    StringMap,

    /// <summary><c>key=value</c> pairs separated by commas, parsable values.</summary>
    ParsableMap,

    /// <summary>A <c>NodeFile</c>, written <c>@path</c> (parsed inline: the runtime has no parser for it).</summary>
    File,

    /// <summary>JSON text (the body, and any other type).</summary>
    Json,
}
