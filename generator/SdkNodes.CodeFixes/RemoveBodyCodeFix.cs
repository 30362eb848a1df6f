using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SdkNodes.CodeFixes;

/// <summary>SDKN007: removes <c>[Body]</c> from a property of a GET or HEAD node.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveBodyCodeFix)), Shared]
public sealed class RemoveBodyCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.BodyNotAllowed];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        Diagnostic diagnostic = context.Diagnostics[0];
        if (root?.FindNode(diagnostic.Location.SourceSpan) is not { } node
            || (node as AttributeSyntax ?? node.FirstAncestorOrSelf<AttributeSyntax>()) is not { } attribute)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Remove [Body]",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(AttributeRemoval.Remove(root, attribute))),
                equivalenceKey: nameof(RemoveBodyCodeFix)),
            diagnostic);
    }
}
