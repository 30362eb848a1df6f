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

    public static ValueFormat FormatOf(ITypeSymbol type)
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
            return ValueFormat.SpanFormattable;
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

        return formattable ? ValueFormat.Formattable : ValueFormat.Unsupported;
    }

    /// <summary>The ISO 8601 format for dates and times, "c" for TimeSpan; null for the type's own default.</summary>
    public static string? DefaultFormat(ITypeSymbol type)
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
