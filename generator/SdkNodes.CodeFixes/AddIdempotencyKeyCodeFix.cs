using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SdkNodes.CodeFixes;

/// <summary>
/// SDKN023: adds <c>[IdempotencyKey]</c> on its own line right after the <c>[Retry]</c>
/// attribute's brackets, so the POST or PATCH node is retried with a key the server can
/// recognise. Only offered as a fix, never applied silently: the server must honour the key.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddIdempotencyKeyCodeFix)), Shared]
public sealed class AddIdempotencyKeyCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.RetryWithoutIdempotencyKey];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        Diagnostic diagnostic = context.Diagnostics[0];
        if (root?.FindNode(diagnostic.Location.SourceSpan) is not { } node
            || node.FirstAncestorOrSelf<AttributeSyntax>() is not { } retry
            || retry.Parent is not AttributeListSyntax list
            || list.Parent is not TypeDeclarationSyntax)
        {
            return;
        }

        SourceText text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Add [IdempotencyKey]",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.InsertNodesAfter(list, [KeyList(text, list, retry)]))),
                equivalenceKey: nameof(AddIdempotencyKeyCodeFix)),
            diagnostic);
    }

    private static AttributeListSyntax KeyList(SourceText text, AttributeListSyntax retryList, AttributeSyntax retry)
    {
        // Written the way [Retry] is: "SdkNodes.Retry" gets "SdkNodes.IdempotencyKey".
        string qualifier = retry.Name is QualifiedNameSyntax qualified ? qualified.Left + "." : string.Empty;
        AttributeListSyntax keyList = SyntaxFactory.AttributeList(
            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.ParseName(qualifier + "IdempotencyKey"))));

        // On its own line with the [Retry] line's indentation, when [Retry]'s brackets end their
        // line; otherwise on the same line, after a space.
        SyntaxTrivia? endOfLine = retryList.GetTrailingTrivia().Cast<SyntaxTrivia?>().FirstOrDefault(t => t!.Value.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine is not { } newLine)
        {
            return keyList.WithTrailingTrivia(SyntaxFactory.Space);
        }

        string line = text.Lines.GetLineFromPosition(retryList.SpanStart).ToString();
        string indentation = line.Substring(0, line.Length - line.TrimStart().Length);
        return keyList
            .WithLeadingTrivia(indentation.Length == 0 ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indentation)))
            .WithTrailingTrivia(newLine);
    }
}
