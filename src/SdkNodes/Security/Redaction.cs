namespace SdkNodes;

/// <summary>How secrets are shown where they are not allowed: history, logs, messages.</summary>
internal static class Redaction
{
    /// <summary>What a redacted value is written as.</summary>
    public const string Mask = "***";
}
