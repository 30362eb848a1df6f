using Microsoft.CodeAnalysis;

namespace SdkNodes.Generator.Parsing;

/// <summary>
/// Name checks that allocate nothing. The generator parses every node again on each edit (a
/// semantic transform always re-runs), so these replace <c>ToDisplayString()</c> comparisons.
/// </summary>
internal static class SymbolNames
{
    /// <summary>True when <paramref name="symbol"/> is <c>Namespace.Name</c> in a one-level namespace.</summary>
    public static bool Is(ISymbol? symbol, string @namespace, string name)
        => symbol is not null
           && symbol.Name == name
           && symbol.ContainingNamespace is { } ns
           && ns.Name == @namespace
           && ns.ContainingNamespace is { IsGlobalNamespace: true };

    /// <summary>True for <c>System.Collections.Generic.Name</c>.</summary>
    public static bool IsCollectionsGeneric(ISymbol symbol, string name)
        => symbol.Name == name
           && symbol.ContainingNamespace is { Name: "Generic" } generic
           && generic.ContainingNamespace is { Name: "Collections" } collections
           && collections.ContainingNamespace is { Name: "System" } system
           && system.ContainingNamespace is { IsGlobalNamespace: true };

    /// <summary>The short name of an SdkNodes attribute (<c>HeaderAttribute</c>), or null for any other attribute.</summary>
    public static string? SdkNodesAttribute(AttributeData attribute)
        => attribute.AttributeClass is { } type && Is(type, "SdkNodes", type.Name) ? type.Name : null;
}
