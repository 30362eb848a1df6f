using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SdkNodes.Generator.Tests.Infrastructure;

/// <summary>
/// Source text with one span marked as <c>[|...|]</c>: the markers are removed and the span
/// kept, so a test can say exactly where a diagnostic must point, even inside a string.
/// </summary>
internal sealed record MarkedSource(string Text, TextSpan Span)
{
    public static MarkedSource Parse(string marked)
    {
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the source marks no span with [| |]");
        string text = marked.Remove(end, 2).Remove(start, 2);
        return new MarkedSource(text, new TextSpan(start, end - start - 2));
    }

    /// <summary>Asserts that exactly one diagnostic with <paramref name="id"/> was reported, at the marked span, with <paramref name="severity"/>.</summary>
    public Diagnostic AssertSingle(IEnumerable<Diagnostic> diagnostics, string id, DiagnosticSeverity severity)
    {
        Diagnostic[] matching = diagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, $"expected one {id}, got: {string.Join("; ", diagnostics.Select(d => d.ToString()))}");
        Diagnostic diagnostic = matching[0];
        Assert.Equal(severity, diagnostic.Severity);
        Assert.True(diagnostic.Location.IsInSource, $"{id} has no source location");
        TextSpan actual = diagnostic.Location.SourceSpan;
        Assert.True(
            actual == Span,
            $"{id} points at '{Text.Substring(actual.Start, actual.Length)}' ({actual}), expected '{Text.Substring(Span.Start, Span.Length)}' ({Span})");
        Assert.Equal($"https://github.com/sdknodes/sdknodes/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
        return diagnostic;
    }
}
