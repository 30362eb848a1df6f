namespace SdkNodes.CodeFixes;

/// <summary>The IDs the fixes answer, and the diagnostic properties the analyzer passes them.</summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "SDKN001";
    public const string UnknownVariable = "SDKN004";
    public const string BodyNotAllowed = "SDKN007";
    public const string InvalidStatusCode = "SDKN008";
    public const string RetryWithoutIdempotencyKey = "SDKN023";

    /// <summary>SDKN004: the variable as written.</summary>
    public const string VariableProperty = "Variable";

    /// <summary>SDKN004: the closest property's name, when one is close.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <summary>SDKN008: "Argument" to remove the duplicate argument, "Attribute" to remove the attribute.</summary>
    public const string RemoveProperty = "Remove";
}
