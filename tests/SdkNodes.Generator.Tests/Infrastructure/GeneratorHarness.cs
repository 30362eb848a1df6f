using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SdkNodes.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles node sources in memory against the .NET 10 reference assemblies and the SdkNodes
/// runtime, runs the generator and the analyzer, and returns what they produced.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> s_references =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(NodeRuntime).Assembly.Location),
    ];

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources)
        => CSharpCompilation.Create(
            "TestNodes",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Node{i}.cs")),
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [new NodeGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and returns its result and the compilation with the generated files.</summary>
    public static GenerationResult Generate(params string[] sources)
    {
        CSharpCompilation compilation = Compile(sources);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GenerationResult(driver.GetRunResult(), output, generatorDiagnostics);
    }

    /// <summary>Runs the generator, then the analyzer over the result; returns the analyzer's diagnostics.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources)
    {
        GenerationResult generated = Generate(sources);
        CompilationWithAnalyzers withAnalyzers = generated.Compilation.WithAnalyzers([new NodeAnalyzer()]);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        return diagnostics.Where(d => d.Id.StartsWith("SDKN", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray();
    }
}

internal sealed record GenerationResult(GeneratorDriverRunResult RunResult, Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The generated file with this hint name.</summary>
    public string Source(string hintName)
        => RunResult.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<string> HintNames => RunResult.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName);

    /// <summary>Errors and warnings of the compilation that includes the generated code.</summary>
    public IEnumerable<Diagnostic> CompilationProblems
        => Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
}
