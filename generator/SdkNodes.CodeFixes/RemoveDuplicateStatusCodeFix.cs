using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SdkNodes.CodeFixes;

/// <summary>
/// SDKN008 for a repeated code: removes the repeated success code from <c>[SuccessCodes]</c>, or
/// the second <c>[ErrorMessage]</c> for the same code. Out-of-range codes have no automatic fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateStatusCodeFix)), Shared]
public sealed class RemoveDuplicateStatusCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.InvalidStatusCode];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(DiagnosticIds.RemoveProperty, out string? remove))
        {
            return;
        }

        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan) is not { } node
            || node.FirstAncestorOrSelf<AttributeArgumentSyntax>() is not { } argument
            || argument.FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute)
        {
            return;
        }

        if (remove == "Argument")
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove the repeated code {argument.Expression}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia)!)),
                    equivalenceKey: nameof(RemoveDuplicateStatusCodeFix)),
                diagnostic);
        }
        else if (remove == "Attribute")
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove the second message for {argument.Expression}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(AttributeRemoval.Remove(root, attribute))),
                    equivalenceKey: nameof(RemoveDuplicateStatusCodeFix)),
                diagnostic);
        }
    }
}
