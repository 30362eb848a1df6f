using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SdkNodes.Generator.Parsing;

/// <summary>
/// Collects diagnostics while a node is parsed and finds precise locations: an attribute
/// argument, or a character inside a string literal. The analyzer passes a callback that
/// reports; the generator passes none and only asks whether there were errors.
/// </summary>
internal sealed class DiagnosticReporter(Action<Diagnostic>? report, CancellationToken cancellationToken)
{
    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] args)
        => Report(descriptor, location, ImmutableDictionary<string, string?>.Empty, args);

    /// <summary>Reports with properties a code fix reads (see SdkNodes.CodeFixes).</summary>
    public void Report(DiagnosticDescriptor descriptor, Location? location, ImmutableDictionary<string, string?> properties, params object?[] args)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            HasErrors = true;
        }

        report?.Invoke(Diagnostic.Create(descriptor, location ?? Location.None, properties, args));
    }

    // The generator reports nothing, so it never pays for finding a location.
    private bool FindsLocations => report is not null;

    /// <summary>The syntax of an attribute application, if it is in source (null when locations are not needed).</summary>
    public AttributeSyntax? SyntaxOf(AttributeData attribute)
        => FindsLocations ? attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax : null;

    /// <summary>The location of a type's or property's name.</summary>
    public Location? IdentifierLocation(ISymbol symbol)
    {
        if (!FindsLocations)
        {
            return null;
        }

        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case BaseTypeDeclarationSyntax type:
                    return type.Identifier.GetLocation();
                case PropertyDeclarationSyntax property:
                    return property.Identifier.GetLocation();
            }
        }

        return symbol.Locations.FirstOrDefault();
    }

    /// <summary>The location of the attribute's <paramref name="index"/>-th positional argument, or of the attribute.</summary>
    public Location? ArgumentLocation(AttributeData attribute, int index)
    {
        AttributeSyntax? syntax = SyntaxOf(attribute);
        if (syntax is null)
        {
            return null;
        }

        var positional = 0;
        foreach (AttributeArgumentSyntax argument in syntax.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (positional++ == index)
            {
                return argument.GetLocation();
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>The location of a named argument (<c>Success = "0"</c>), or of the attribute.</summary>
    public Location? NamedArgumentLocation(AttributeData attribute, string name)
        => NamedArgument(attribute, name)?.GetLocation() ?? SyntaxOf(attribute)?.GetLocation();

    /// <summary>The location of a named argument's value (the <c>1.5</c> of <c>FailureRatio = 1.5</c>), or of the attribute.</summary>
    public Location? NamedArgumentValueLocation(AttributeData attribute, string name)
        => NamedArgument(attribute, name)?.Expression.GetLocation() ?? SyntaxOf(attribute)?.GetLocation();

    /// <summary>
    /// The location of item <paramref name="index"/> of an array given as a named argument
    /// (<c>new[] { 503, 700 }</c>, <c>new int[] { ... }</c> or <c>[503, 700]</c>); the whole value
    /// when it is written another way (a constant, a spread), or the attribute when it is absent.
    /// </summary>
    public Location? NamedArgumentItemLocation(AttributeData attribute, string name, int index)
    {
        if (NamedArgument(attribute, name) is not { } argument)
        {
            return SyntaxOf(attribute)?.GetLocation();
        }

        SeparatedSyntaxList<ExpressionSyntax> items = argument.Expression switch
        {
            ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            _ => default,
        };
        if (argument.Expression is CollectionExpressionSyntax collection
            && collection.Elements.All(e => e is ExpressionElementSyntax)
            && index < collection.Elements.Count)
        {
            return ((ExpressionElementSyntax)collection.Elements[index]).Expression.GetLocation();
        }

        return index < items.Count ? items[index].GetLocation() : argument.Expression.GetLocation();
    }

    private AttributeArgumentSyntax? NamedArgument(AttributeData attribute, string name)
    {
        foreach (AttributeArgumentSyntax argument in SyntaxOf(attribute)?.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>
    /// The location of characters <paramref name="index"/>..+<paramref name="length"/> of a
    /// string argument's value. Exact for regular and verbatim literals without escapes; for
    /// any other expression (escapes, constants, concatenation) the whole argument.
    /// </summary>
    public Location? LocationInString(AttributeData attribute, int argumentIndex, string? namedArgument, int index, int length)
    {
        Location? whole = namedArgument is null ? ArgumentLocation(attribute, argumentIndex) : NamedArgumentLocation(attribute, namedArgument);
        AttributeSyntax? syntax = SyntaxOf(attribute);
        ExpressionSyntax? expression = null;
        var positional = 0;
        foreach (AttributeArgumentSyntax argument in syntax?.ArgumentList?.Arguments ?? default)
        {
            bool match = namedArgument is null
                ? argument.NameEquals is null && positional++ == argumentIndex
                : argument.NameEquals?.Name.Identifier.ValueText == namedArgument;
            if (match)
            {
                expression = argument.Expression;
                break;
            }
        }

        if (expression is LiteralExpressionSyntax { Token: var token } && token.IsKind(SyntaxKind.StringLiteralToken))
        {
            string text = token.Text;
            string value = token.ValueText;
            int open = text.StartsWith("@\"", StringComparison.Ordinal) ? 2 : text.StartsWith("\"", StringComparison.Ordinal) ? 1 : -1;
            if (open > 0 && text.Length == value.Length + open + 1 && string.CompareOrdinal(text, open, value, 0, value.Length) == 0)
            {
                int start = token.SpanStart + open + Math.Min(index, value.Length);
                int span = Math.Max(0, Math.Min(length, value.Length - index));
                return Location.Create(token.SyntaxTree!, new TextSpan(start, span));
            }
        }

        return whole;
    }
}
