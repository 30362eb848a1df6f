using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SdkNodes.Benchmarks.Generator;

namespace SdkNodes.Benchmarks.Probes;

/// <summary>
/// What compiling the generated code costs the compiler, in bytes allocated: exact from run to
/// run, where times on this shared machine move by a third. Compiles the IDE-loop corpus without
/// and with the generated files (single-threaded <c>GetDiagnostics()</c>), for both libraries,
/// and prints the difference. Used to find which generated construct costs what: edit the
/// emitter, rerun, compare.
/// </summary>
internal static class GeneratedCodeCost
{
    public static void Run(int nodes)
    {
        foreach (string library in new[] { "SdkNodes", "Refit" })
        {
            var corpus = new IdeCorpus(library, nodes);
            (_, Compilation output) = corpus.Verify();
            SyntaxTree[] user = [.. corpus.Current.SyntaxTrees];
            SyntaxTree[] all = [.. output.SyntaxTrees];

            // Warm up, then measure each compilation from fresh trees.
            _ = Allocated(user, output.References);
            long userOnly = Allocated(user, output.References);
            long withGenerated = Allocated(all, output.References);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{library,-8} {nodes,5} nodes: user code {userOnly / 1e6,7:F1} MB, with generated code {withGenerated / 1e6,7:F1} MB, generated code {(withGenerated - userOnly) / 1e6,7:F1} MB"));
        }
    }

    private static long Allocated(SyntaxTree[] trees, IEnumerable<MetadataReference> references)
    {
        SyntaxTree[] fresh = [.. trees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath))];
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Corpus",
            fresh,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = compilation.GetDiagnostics();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
