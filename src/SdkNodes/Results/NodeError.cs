namespace SdkNodes;

/// <summary>Why a node failed, in words a non-programmer can read.</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Code">The HTTP status code or body error code, as text; null when there is none.</param>
/// <param name="Message">The readable message the run history shows.</param>
public sealed record NodeError(NodeErrorKind Kind, string? Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Code is null ? $"{Kind}: {Message}" : $"{Kind} {Code}: {Message}";
}
