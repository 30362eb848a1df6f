using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SdkNodes.Benchmarks.Generator;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Generation;

/// <summary>
/// The corpora the generator benchmarks measure (tests/SdkNodes.Benchmarks, linked here) compile
/// with no diagnostic at all: a benchmark of code with errors would time the error path.
/// </summary>
public sealed class BenchmarkCorpusTests
{
    [Fact]
    public async Task Ide_loop_corpus_compiles_and_analyzes_with_no_diagnostics()
    {
        string[] files = [.. Enumerable.Range(0, 10).Select(file => GeneratorCorpus.IdeNodesFile(file)), GeneratorCorpus.UnrelatedVersion(0)];

        await AssertCleanAsync(files, expectedNodes: 100);
    }

    [Fact]
    public async Task Ide_loop_corpus_after_a_template_edit_compiles_with_no_diagnostics()
    {
        string[] files = [.. Enumerable.Range(0, 10).Select(file => GeneratorCorpus.IdeNodesFile(file, templateVersion: 3)), GeneratorCorpus.UnrelatedVersion(3)];

        await AssertCleanAsync(files, expectedNodes: 100);
    }

    [Fact]
    public async Task Generator_benchmark_corpus_compiles_and_analyzes_with_no_diagnostics()
    {
        string[] files = [.. GeneratorCorpus.SdkNodesFiles().Take(10), GeneratorCorpus.Unrelated];

        await AssertCleanAsync(files, expectedNodes: 100);
    }

    private static async Task AssertCleanAsync(string[] files, int expectedNodes)
    {
        GenerationResult generated = GeneratorHarness.Generate(files);

        // One file per node and the registry.
        Assert.Equal(expectedNodes + 1, generated.HintNames.Count());
        Assert.Empty(generated.GeneratorDiagnostics);
        Assert.Empty(generated.Compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
        CompilationWithAnalyzers withAnalyzers = generated.Compilation.WithAnalyzers([new NodeAnalyzer()]);
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken));
    }
}
