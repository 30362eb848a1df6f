using System.Collections.Immutable;

namespace SdkNodes.Generator.Diagnostics;

/// <summary>
/// Diagnostic properties the code fixes in SdkNodes.CodeFixes read (they cannot reference this
/// assembly, so the names are repeated there in DiagnosticIds).
/// </summary>
internal static class FixProperties
{
    /// <summary>SDKN004: the variable as written.</summary>
    public const string Variable = "Variable";

    /// <summary>SDKN004: the closest property, when one is close.</summary>
    public const string Suggestion = "Suggestion";

    /// <summary>SDKN008: remove the repeated argument.</summary>
    public static readonly ImmutableDictionary<string, string?> RemoveArgument =
        ImmutableDictionary<string, string?>.Empty.Add("Remove", "Argument");

    /// <summary>SDKN008: remove the repeated attribute.</summary>
    public static readonly ImmutableDictionary<string, string?> RemoveAttribute =
        ImmutableDictionary<string, string?>.Empty.Add("Remove", "Attribute");
}
