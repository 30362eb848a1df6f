using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

/// <summary>Decides how a property's type is written into a URI or a header.</summary>
internal static class ValueTypes
{
    public static readonly SymbolDisplayFormat FullyQualifiedWithNullability =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static readonly SymbolDisplayFormat ShortWithNullability =
        SymbolDisplayFormat.MinimallyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The type inside <c>Nullable&lt;T&gt;</c>, or the type itself.</summary>
    public static ITypeSymbol Underlying(ITypeSymbol type, out bool isNullableValueType)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            isNullableValueType = true;
            return nullable.TypeArguments[0];
        }

        isNullableValueType = false;
        return type;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is a single value, a list (<c>IEnumerable&lt;T&gt;</c>) or a
    /// map (<c>IDictionary&lt;string, T&gt;</c> / <c>IReadOnlyDictionary&lt;string, T&gt;</c>), and the
    /// type of its single value, items or map values.
    /// </summary>
    public static ValueShape ShapeOf(ITypeSymbol type, out ITypeSymbol valueType)
    {
        valueType = type;
        if (type.SpecialType == SpecialType.System_String)
        {
            return ValueShape.Single;
        }

        if (type is IArrayTypeSymbol array)
        {
            valueType = array.ElementType;
            return ValueShape.List;
        }

        INamedTypeSymbol[] candidates = type is INamedTypeSymbol named
            ? [named, .. type.AllInterfaces]
            : [.. type.AllInterfaces];
        foreach (INamedTypeSymbol candidate in candidates)
        {
            string definition = candidate.OriginalDefinition.ToDisplayString();
            if (definition is "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"
                && candidate.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                valueType = candidate.TypeArguments[1];
                return ValueShape.Map;
            }
        }

        foreach (INamedTypeSymbol candidate in candidates)
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                valueType = candidate.TypeArguments[0];
                return ValueShape.List;
            }
        }

        return ValueShape.Single;
    }

    /// <summary>How a value of <paramref name="type"/> becomes text, or null when it has no text form.</summary>
    public static TextForm? TextFormOf(ITypeSymbol type, string? format)
    {
        ITypeSymbol underlying = Underlying(type, out bool isNullableValueType);
        ValueFormat? valueFormat = FormatOf(underlying);
        if (valueFormat is null)
        {
            return null;
        }

        return new TextForm(
            valueFormat.Value,
            format ?? DefaultFormat(underlying),
            TypeOf(underlying),
            isNullableValueType,
            type.IsReferenceType,
            valueFormat == ValueFormat.Enum ? EnumMembers(underlying) : EquatableArray<string>.Empty);
    }

    private static ValueFormat? FormatOf(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return ValueFormat.String;
            case SpecialType.System_Char:
                return ValueFormat.Char;
            case SpecialType.System_Boolean:
                return ValueFormat.Boolean;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ValueFormat.Enum;
        }

        bool spanFormattable = false;
        bool formattable = false;
        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            string name = candidate.ToDisplayString();
            spanFormattable |= name == "System.ISpanFormattable";
            formattable |= name == "System.IFormattable";
        }

        if (spanFormattable && type.IsValueType)
        {
            return ValueFormat.SpanFormattable;
        }

        return formattable ? ValueFormat.Formattable : null;
    }

    // One name per distinct value (a switch cannot repeat a value), first declared wins.
    private static EquatableArray<string> EnumMembers(ITypeSymbol enumType)
    {
        var seen = new HashSet<object>();
        var names = new List<string>();
        foreach (IFieldSymbol field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && field.ConstantValue is { } value && seen.Add(value))
            {
                names.Add(field.Name);
            }
        }

        return names.ToEquatableArray();
    }

    /// <summary>The ISO 8601 format for dates and times, "c" for TimeSpan; null for the type's own default.</summary>
    private static string? DefaultFormat(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_DateTime)
        {
            return "O";
        }

        return type.ToDisplayString() switch
        {
            "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly" => "O",
            "System.TimeSpan" => "c",
            _ => null,
        };
    }

    /// <summary>The type for a <c>typeof</c> expression: fully qualified, without a nullable reference annotation.</summary>
    public static string TypeOf(ITypeSymbol type)
        => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
