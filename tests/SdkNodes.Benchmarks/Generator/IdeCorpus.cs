using System.Globalization;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SdkNodes.Generator;

namespace SdkNodes.Benchmarks.Generator;

/// <summary>
/// The IDE-loop corpus as a compilation (GeneratorCorpus.IdeNodesFile / IdeRefitFile), the two
/// generators, and the edits an IDE makes: each one parses a fresh tree and calls
/// <c>ReplaceSyntaxTree</c>, so the compilation is new and nothing bound is reused.
/// </summary>
internal sealed class IdeCorpus
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static ISourceGenerator? s_refitGenerator;

    private readonly bool _refit;
    private SyntaxTree _unrelated;
    private SyntaxTree _templateFile;
    private int _version;

    public IdeCorpus(string library, int nodes)
    {
        _refit = library switch
        {
            "SdkNodes" => false,
            "Refit" => true,
            _ => throw new ArgumentException($"Unknown library {library}.", nameof(library)),
        };
        int files = nodes / GeneratorCorpus.PerFile;
        var trees = new List<SyntaxTree>();
        for (int file = 0; file < files; file++)
        {
            string text = _refit ? GeneratorCorpus.IdeRefitFile(file) : GeneratorCorpus.IdeNodesFile(file);
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"File{file}.cs"));
        }

        _templateFile = trees[GeneratorCorpus.TemplateEditNode / GeneratorCorpus.PerFile];
        _unrelated = CSharpSyntaxTree.ParseText(GeneratorCorpus.UnrelatedVersion(0), ParseOptions, path: "Unrelated.cs");
        trees.Add(_unrelated);
        string reference = _refit ? typeof(Refit.RestService).Assembly.Location : typeof(NodeRuntime).Assembly.Location;
        Current = CSharpCompilation.Create(
            "Corpus",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(reference)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The latest compilation; every edit replaces it.</summary>
    public CSharpCompilation Current { get; private set; }

    /// <summary>Continues from <paramref name="output"/> (this compilation plus the generated trees).</summary>
    public IdeCorpus WithGeneratedCode(CSharpCompilation output)
    {
        Current = output;
        return this;
    }

    public GeneratorDriver NewDriver()
    {
        ISourceGenerator generator = _refit
            ? s_refitGenerator ??= GeneratorBenchmarks.LoadRefitGenerator()
            : new NodeGenerator().AsSourceGenerator();
        return CSharpGeneratorDriver.Create([generator], parseOptions: ParseOptions);
    }

    /// <summary>An edit in the unrelated file: a comment and a method body change.</summary>
    public CSharpCompilation EditUnrelated()
    {
        SyntaxTree edited = CSharpSyntaxTree.ParseText(GeneratorCorpus.UnrelatedVersion(++_version), ParseOptions, path: _unrelated.FilePath);
        Current = Current.ReplaceSyntaxTree(_unrelated, edited);
        _unrelated = edited;
        return Current;
    }

    /// <summary>An edit to one node's template (for Refit, one method's <c>[Get]</c> path).</summary>
    public CSharpCompilation EditTemplate()
    {
        int file = GeneratorCorpus.TemplateEditNode / GeneratorCorpus.PerFile;
        string text = _refit ? GeneratorCorpus.IdeRefitFile(file, ++_version) : GeneratorCorpus.IdeNodesFile(file, ++_version);
        SyntaxTree edited = CSharpSyntaxTree.ParseText(text, ParseOptions, path: _templateFile.FilePath);
        Current = Current.ReplaceSyntaxTree(_templateFile, edited);
        _templateFile = edited;
        return Current;
    }

    /// <summary>Runs a new driver once and checks that the output compiles without errors.</summary>
    public (GeneratorDriver Driver, Compilation Output) Verify()
    {
        GeneratorDriver driver = NewDriver().RunGeneratorsAndUpdateCompilation(Current, out Compilation output, out _);
        Diagnostic[] errors = [.. output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"The {(_refit ? "Refit" : "SdkNodes")} corpus does not compile: {errors.Length} errors, first {errors[0]}");
        }

        return (driver, output);
    }

    /// <summary>Files, lines and bytes (UTF-8) the generator produced, in all and per node.</summary>
    public static string GeneratedSize(string library, int nodes)
    {
        var corpus = new IdeCorpus(library, nodes);
        GeneratorRunResult run = corpus.Verify().Driver.GetRunResult().Results.Single();
        int files = run.GeneratedSources.Length;
        long lines = 0, bytes = 0;
        foreach (GeneratedSourceResult source in run.GeneratedSources)
        {
            string text = source.SourceText.ToString();
            lines += source.SourceText.Lines.Count;
            bytes += System.Text.Encoding.UTF8.GetByteCount(text);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{library,-8} {nodes,5} nodes: {files,5} files, {lines,7} lines, {bytes,9} bytes; per node {(double)files / nodes:F2} files, {(double)lines / nodes:F1} lines, {(double)bytes / nodes:F0} bytes");
    }
}
