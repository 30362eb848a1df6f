namespace SdkNodes.Generator.Model;

/// <summary>
/// One piece of a parsed URI template: literal text (already percent-encoded where the RFC
/// asks) or an expression with its operator and variables.
/// </summary>
internal sealed record TemplatePart(string? Literal, UriOperatorKind Operator, EquatableArray<TemplateVariable> Variables)
{
    public static TemplatePart ForLiteral(string encoded) => new(encoded, UriOperatorKind.Simple, EquatableArray<TemplateVariable>.Empty);
}

/// <summary>A variable in an expression: <c>{name:3}</c> has prefix 3, <c>{name*}</c> is exploded.</summary>
/// <param name="Name">The variable name as written.</param>
/// <param name="Prefix">The prefix length, or 0 for none.</param>
/// <param name="Explode">True for the <c>*</c> modifier.</param>
/// <param name="Offset">Where the name starts in the template (for diagnostics).</param>
/// <param name="Property">
/// The index in <see cref="NodeModel.Properties"/> of the property the variable binds to, or
/// <see cref="Unbound"/> before binding. The one record of the binding: the property's
/// <see cref="PropertyModel.BindsTo"/> is read from it.
/// </param>
internal sealed record TemplateVariable(string Name, int Prefix, bool Explode, int Offset, int Property)
{
    /// <summary>The <see cref="Property"/> of a variable not (yet) bound; a model without errors has none.</summary>
    public const int Unbound = -1;
}

/// <summary>The RFC 6570 operators; names match <c>SdkNodes.Generated.UriOperator</c>.</summary>
internal enum UriOperatorKind
{
    Simple,
    Reserved,
    Fragment,
    Label,
    PathSegment,
    PathParameter,
    Query,
    QueryContinuation,
}
