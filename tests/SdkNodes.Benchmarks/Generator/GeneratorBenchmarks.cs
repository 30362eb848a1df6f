using System.Reflection;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SdkNodes.Generator;

namespace SdkNodes.Benchmarks.Generator;

/// <summary>
/// SdkNodes' generator against Refit 16.4's own generator on the same 1,000 requests: a cold
/// run (a new driver) and an incremental run after an edit inside an unrelated method body.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _nodes = null!;
    private CSharpCompilation _nodesEdited = null!;
    private GeneratorDriver _nodesDriver = null!;

    private CSharpCompilation _refit = null!;
    private CSharpCompilation _refitEdited = null!;
    private GeneratorDriver _refitDriver = null!;
    private ISourceGenerator _refitGenerator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _nodes = Compile(GeneratorCorpus.SdkNodesFiles(), typeof(NodeRuntime).Assembly.Location);
        _nodesEdited = Edit(_nodes);
        _nodesDriver = NewNodesDriver().RunGenerators(_nodes);

        _refitGenerator = LoadRefitGenerator();
        _refit = Compile(GeneratorCorpus.RefitFiles(), typeof(Refit.RestService).Assembly.Location);
        _refitEdited = Edit(_refit);
        _refitDriver = NewRefitDriver().RunGenerators(_refit);

        int nodeFiles = _nodesDriver.GetRunResult().GeneratedTrees.Length;
        int refitFiles = _refitDriver.GetRunResult().GeneratedTrees.Length;
        if (nodeFiles < 1000 || refitFiles < 3)
        {
            throw new InvalidOperationException($"The generators produced too little: SdkNodes {nodeFiles} files, Refit {refitFiles} files.");
        }
    }

    [Benchmark(Description = "SdkNodes: cold run, 1,000 nodes")]
    public GeneratorDriver SdkNodesCold() => NewNodesDriver().RunGenerators(_nodes);

    [Benchmark(Description = "SdkNodes: incremental, unrelated edit")]
    public GeneratorDriver SdkNodesIncremental() => _nodesDriver.RunGenerators(_nodesEdited);

    [Benchmark(Description = "Refit 16.4: cold run, 1,000 methods")]
    public GeneratorDriver RefitCold() => NewRefitDriver().RunGenerators(_refit);

    [Benchmark(Description = "Refit 16.4: incremental, unrelated edit")]
    public GeneratorDriver RefitIncremental() => _refitDriver.RunGenerators(_refitEdited);

    private static GeneratorDriver NewNodesDriver()
        => CSharpGeneratorDriver.Create([new NodeGenerator().AsSourceGenerator()], parseOptions: s_parseOptions);

    private GeneratorDriver NewRefitDriver()
        => CSharpGeneratorDriver.Create([_refitGenerator], parseOptions: s_parseOptions);

    private static CSharpCompilation Compile(IEnumerable<string> files, string library)
        => CSharpCompilation.Create(
            "Corpus",
            files.Append(GeneratorCorpus.Unrelated).Select((text, i) => CSharpSyntaxTree.ParseText(text, s_parseOptions, path: $"File{i}.cs")),
            [.. Net100.References.All, MetadataReference.CreateFromFile(library)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static CSharpCompilation Edit(CSharpCompilation compilation)
    {
        SyntaxTree unrelated = compilation.SyntaxTrees.Last();
        return compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(GeneratorCorpus.UnrelatedEdited, s_parseOptions, unrelated.FilePath));
    }

    // Refit ships its generator in the package (analyzers/dotnet/roslyn4.8/cs); load it as the compiler would.
    internal static ISourceGenerator LoadRefitGenerator()
    {
        string package = typeof(GeneratorBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RefitPackage").Value!;
        string path = Path.Combine(package, "analyzers", "dotnet", "roslyn4.8", "cs", "InterfaceStubGeneratorV2.dll");
        Assembly assembly = Assembly.LoadFrom(path);
        Type type = assembly.GetTypes().Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }
}
