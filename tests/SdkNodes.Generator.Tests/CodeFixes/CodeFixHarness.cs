using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.CodeFixes;

/// <summary>Puts a source in a workspace, finds the analyzer's diagnostic, applies one fix, returns the new source.</summary>
internal static class CodeFixHarness
{
    public static async Task<IReadOnlyList<string>> TitlesAsync(CodeFixProvider provider, string source, string diagnosticId)
    {
        (_, _, List<CodeAction> actions) = await CollectAsync(provider, source, diagnosticId);
        return actions.Select(a => a.Title).ToList();
    }

    public static async Task<string> ApplyAsync(CodeFixProvider provider, string source, string diagnosticId, string title)
    {
        (Document document, _, List<CodeAction> actions) = await CollectAsync(provider, source, diagnosticId);
        CodeAction action = Assert.Single(actions, a => a.Title == title);
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(TestContext.Current.CancellationToken);
        Solution changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        string result = (await changed.GetDocument(document.Id)!.GetTextAsync(TestContext.Current.CancellationToken)).ToString();

        // The fix must clear the diagnostic it was for.
        var after = await GeneratorHarness.AnalyzeAsync(result);
        Assert.DoesNotContain(after, d => d.Id == diagnosticId);
        return result;
    }

    private static async Task<(Document, Diagnostic, List<CodeAction>)> CollectAsync(CodeFixProvider provider, string source, string diagnosticId)
    {
        var workspace = new AdhocWorkspace();
        CSharpCompilation compilation = GeneratorHarness.Compile(source);
        Project project = workspace.AddProject("Nodes", LanguageNames.CSharp)
            .WithCompilationOptions(compilation.Options)
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .WithMetadataReferences(compilation.References);
        Document document = project.AddDocument("Node.cs", source);

        var diagnostics = await GeneratorHarness.AnalyzeAsync(source);
        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == diagnosticId);

        // Rebase the diagnostic's location onto the workspace document's tree.
        SyntaxTree tree = (await document.GetSyntaxTreeAsync(TestContext.Current.CancellationToken))!;
        Diagnostic rebased = Diagnostic.Create(
            diagnostic.Descriptor,
            Location.Create(tree, diagnostic.Location.SourceSpan),
            diagnostic.Properties,
            diagnostic.GetMessage());

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, rebased, (action, _) => actions.Add(action), TestContext.Current.CancellationToken);
        await provider.RegisterCodeFixesAsync(context);
        return (document, rebased, actions);
    }
}
