using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace SdkNodes.Benchmarks.Generator;

/// <summary>
/// The IDE loop (issue 15 §1): every invocation parses a fresh edited tree and calls
/// <c>ReplaceSyntaxTree</c>, so the generator sees a new compilation with nothing bound, as on
/// every keystroke. Cold is a new driver; the two edits keep the driver across invocations,
/// as an IDE does. "+ compile" adds <c>GetDiagnostics()</c> on the output compilation, which
/// binds and checks the whole compilation, the generated code included. "edit only" is the
/// parse and <c>ReplaceSyntaxTree</c> that every other row also pays.
/// </summary>
[MemoryDiagnoser]
public class IdeLoopBenchmarks
{
    private IdeCorpus _corpus = null!;
    private GeneratorDriver _driver = null!;

    [Params(100, 1000)]
    public int Nodes { get; set; }

    [Params("SdkNodes", "Refit")]
    public string Library { get; set; } = "SdkNodes";

    [GlobalSetup]
    public void Setup()
    {
        _corpus = new IdeCorpus(Library, Nodes);
        _driver = _corpus.Verify().Driver;
        Console.WriteLine("// generated size: " + IdeCorpus.GeneratedSize(Library, Nodes));
    }

    [Benchmark(Description = "edit only (parse + ReplaceSyntaxTree)")]
    public Compilation EditOnly() => _corpus.EditUnrelated();

    [Benchmark(Description = "(a) cold: generator")]
    public GeneratorDriver ColdGenerator() => _corpus.NewDriver().RunGenerators(_corpus.EditUnrelated());

    [Benchmark(Description = "(a) cold: generator + compile")]
    public int ColdGeneratorAndCompile()
    {
        _corpus.NewDriver().RunGeneratorsAndUpdateCompilation(_corpus.EditUnrelated(), out Compilation output, out _);
        return output.GetDiagnostics().Length;
    }

    [Benchmark(Description = "(b) unrelated edit: generator")]
    public GeneratorDriver UnrelatedEditGenerator() => _driver = _driver.RunGenerators(_corpus.EditUnrelated());

    [Benchmark(Description = "(b) unrelated edit: generator + compile")]
    public int UnrelatedEditGeneratorAndCompile()
    {
        _driver = _driver.RunGeneratorsAndUpdateCompilation(_corpus.EditUnrelated(), out Compilation output, out _);
        return output.GetDiagnostics().Length;
    }

    [Benchmark(Description = "(c) template edit: generator")]
    public GeneratorDriver TemplateEditGenerator() => _driver = _driver.RunGenerators(_corpus.EditTemplate());

    [Benchmark(Description = "(c) template edit: generator + compile")]
    public int TemplateEditGeneratorAndCompile()
    {
        _driver = _driver.RunGeneratorsAndUpdateCompilation(_corpus.EditTemplate(), out Compilation output, out _);
        return output.GetDiagnostics().Length;
    }
}
