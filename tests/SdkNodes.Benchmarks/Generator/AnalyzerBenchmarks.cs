using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SdkNodes.Generator;

namespace SdkNodes.Benchmarks.Generator;

/// <summary>
/// SdkNodes' NodeAnalyzer on its own against a no-op analyzer (one syntax-node action that does
/// nothing), over the same SdkNodes corpus with its generated code added. Every invocation
/// edits the unrelated file (parse + <c>ReplaceSyntaxTree</c>), so the compilation is new.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private IdeCorpus _corpus = null!;

    [Params(100, 1000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpus = new IdeCorpus("SdkNodes", Nodes);
        (_, Compilation output) = _corpus.Verify();
        _corpus = _corpus.WithGeneratedCode((CSharpCompilation)output);
    }

    [Benchmark(Baseline = true, Description = "no-op analyzer")]
    public async Task<int> NoOp()
        => (await _corpus.EditUnrelated().WithAnalyzers([new NoOpAnalyzer()]).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false)).Length;

    [Benchmark(Description = "SdkNodes NodeAnalyzer")]
    public async Task<int> NodeAnalyzer()
        => (await _corpus.EditUnrelated().WithAnalyzers([new NodeAnalyzer()]).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false)).Length;

    // A benchmark's stand-in, handed to WithAnalyzers directly: never shipped, never loaded by a compiler.
#pragma warning disable RS1041, RS1036, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_rule = new("NOOP001", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Info, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [s_rule];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.ClassDeclaration);
        }
    }
#pragma warning restore RS1041, RS1036, RS2008
}
