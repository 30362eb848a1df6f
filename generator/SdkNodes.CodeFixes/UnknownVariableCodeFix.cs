using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace SdkNodes.CodeFixes;

/// <summary>
/// SDKN004, two fixes: rename the template variable to the closest property (when one is
/// close), or add a property for it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownVariableCodeFix)), Shared]
public sealed class UnknownVariableCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.UnknownVariable];

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(DiagnosticIds.VariableProperty, out string? variable) || variable is null)
        {
            return;
        }

        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SyntaxToken literal = root?.FindToken(diagnostic.Location.SourceSpan.Start) ?? default;
        if (root is null || literal.Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } node)
        {
            return;
        }

        if (diagnostic.Properties.TryGetValue(DiagnosticIds.SuggestionProperty, out string? suggestion)
            && suggestion is not null
            && literal.IsKind(SyntaxKind.StringLiteralToken)
            && literal.Span.Contains(diagnostic.Location.SourceSpan))
        {
            string renamed = char.ToLowerInvariant(suggestion[0]) + suggestion.Substring(1);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Rename '{variable}' to '{renamed}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(literal, Rename(literal, diagnostic.Location.SourceSpan.Start, variable, renamed)))),
                    equivalenceKey: "RenameVariable"),
                diagnostic);
        }

        string propertyName = PropertyNameFor(variable);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Add property '{propertyName}' for '{variable}'",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, AddProperty(node, propertyName, variable)))),
                equivalenceKey: "AddProperty"),
            diagnostic);
    }

    private static SyntaxToken Rename(SyntaxToken literal, int position, string variable, string renamed)
    {
        int offset = position - literal.SpanStart;
        string text = literal.Text.Substring(0, offset) + renamed + literal.Text.Substring(offset + variable.Length);
        int valueOffset = offset - (literal.Text.Length - literal.ValueText.Length - 1);
        string value = literal.ValueText.Substring(0, valueOffset) + renamed + literal.ValueText.Substring(valueOffset + variable.Length);
        return SyntaxFactory.Literal(literal.LeadingTrivia, text, value, literal.TrailingTrivia);
    }

    private static ClassDeclarationSyntax AddProperty(ClassDeclarationSyntax node, string propertyName, string variable)
    {
        // A variable that is not a C# name ("order_id", "a.b") binds through [UriParam].
        string uriParam = string.Equals(propertyName, variable, StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : $"[UriParam(\"{variable}\")] ";
        var property = (PropertyDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            $"{uriParam}public string? {propertyName} {{ get; init; }}")!;
        return node.AddMembers(property.WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>"order_id" → "OrderId", "page" → "Page", "a.b%20c" → "AB20c".</summary>
    internal static string PropertyNameFor(string variable)
    {
        var name = new StringBuilder(variable.Length);
        bool upper = true;
        foreach (char c in variable)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            name.Insert(0, "Value");
        }

        return name.ToString();
    }
}
