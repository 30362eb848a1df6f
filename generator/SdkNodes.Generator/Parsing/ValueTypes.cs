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

        // Numbers, dates, enums and the like are single values; only look further for the rest.
        if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum)
        {
            return ValueShape.Single;
        }

        INamedTypeSymbol? list = null;
        foreach (INamedTypeSymbol candidate in Self(type).Concat(type.AllInterfaces))
        {
            ITypeSymbol definition = candidate.OriginalDefinition;
            if ((SymbolNames.IsCollectionsGeneric(definition, "IDictionary") || SymbolNames.IsCollectionsGeneric(definition, "IReadOnlyDictionary"))
                && candidate.TypeArguments.Length == 2
                && candidate.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                valueType = candidate.TypeArguments[1];
                return ValueShape.Map;
            }

            if (definition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                list ??= candidate;
            }
        }

        if (list is not null)
        {
            valueType = list.TypeArguments[0];
            return ValueShape.List;
        }

        return ValueShape.Single;
    }

    private static IEnumerable<INamedTypeSymbol> Self(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol named)
        {
            yield return named;
        }
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

        // The type's name is only written for enums (their generated switch).
        return new TextForm(
            valueFormat.Value,
            format ?? DefaultFormat(underlying),
            valueFormat == ValueFormat.Enum ? TypeOf(underlying) : string.Empty,
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
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return ValueFormat.SpanFormattable;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ValueFormat.Enum;
        }

        bool spanFormattable = false;
        bool formattable = false;
        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            spanFormattable |= SymbolNames.Is(candidate, "System", "ISpanFormattable");
            formattable |= SymbolNames.Is(candidate, "System", "IFormattable");
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

    /// <summary>How <c>FromValues</c> reads a property of <paramref name="type"/> from text.</summary>
    public static ParseForm ParseFormOf(ITypeSymbol type)
    {
        ITypeSymbol underlying = Underlying(type, out bool isNullableValueType);
        if (underlying.SpecialType == SpecialType.System_String)
        {
            return new ParseForm(ParseKind.String, "string", false);
        }

        if (underlying.TypeKind == TypeKind.Enum)
        {
            return new ParseForm(ParseKind.Enum, TypeOf(underlying), isNullableValueType);
        }

        if (IsPrimitiveParsable(underlying) || IsSpanParsable(underlying))
        {
            return new ParseForm(ParseKind.Parsable, underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), isNullableValueType);
        }

        ValueShape shape = ShapeOf(type, out ITypeSymbol valueType);
        if (shape != ValueShape.Single && valueType.NullableAnnotation != NullableAnnotation.Annotated)
        {
            bool isString = valueType.SpecialType == SpecialType.System_String;
            if (isString || (valueType.IsValueType && (IsPrimitiveParsable(valueType) || IsSpanParsable(valueType))))
            {
                ParseKind kind = shape == ValueShape.List
                    ? (isString ? ParseKind.StringList : ParseKind.ParsableList)
                    : (isString ? ParseKind.StringMap : ParseKind.ParsableMap);
                return new ParseForm(kind, TypeOf(valueType), false);
            }
        }

        return new ParseForm(ParseKind.Json, string.Empty, false);
    }

    // Numbers, bool, char and DateTime: parsable without looking at their many interfaces.
    private static bool IsPrimitiveParsable(ITypeSymbol type)
        => type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime;

    private static bool IsSpanParsable(ITypeSymbol type)
    {
        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (SymbolNames.Is(candidate, "System", "ISpanParsable")
                && candidate.TypeArguments.Length == 1
                && candidate.TypeArguments[0].Equals(type, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ISO 8601 format for dates and times, "c" for TimeSpan; null for the type's own default.</summary>
    private static string? DefaultFormat(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_DateTime)
        {
            return "O";
        }

        if (SymbolNames.Is(type, "System", "DateTimeOffset") || SymbolNames.Is(type, "System", "DateOnly") || SymbolNames.Is(type, "System", "TimeOnly"))
        {
            return "O";
        }

        return SymbolNames.Is(type, "System", "TimeSpan") ? "c" : null;
    }

    /// <summary>The type for a <c>typeof</c> expression: fully qualified, without a nullable reference annotation.</summary>
    public static string TypeOf(ITypeSymbol type)
        => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>
    /// <see cref="TypeOf(ITypeSymbol)"/> from the name already written with its annotation: only
    /// a top-level '?' on a reference type differs, and formatting a name again is what costs.
    /// </summary>
    public static string TypeOf(ITypeSymbol type, string fullyQualifiedWithNullability)
        => type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated && fullyQualifiedWithNullability.EndsWith("?", System.StringComparison.Ordinal)
            ? fullyQualifiedWithNullability.Substring(0, fullyQualifiedWithNullability.Length - 1)
            : fullyQualifiedWithNullability;
}
