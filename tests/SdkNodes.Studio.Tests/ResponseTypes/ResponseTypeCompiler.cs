using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SdkNodes.Studio.Tests;

/// <summary>
/// Compiles the C# the studio wrote for a response (nullable on, no warning allowed, with and
/// without implicit usings), then reads the response into it with the runtime's default JSON
/// options and writes it back: what comes back shows what the types kept.
/// </summary>
internal static class ResponseTypeCompiler
{
    private const string Probe = """
        using System.Collections.Generic;
        using System.Text.Json;

        public static class Probe
        {
            private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

            public static string RoundTrip(string json) => JsonSerializer.Serialize(JsonSerializer.Deserialize<TResponse>(json, s_options), s_options);
        }
        """;

    // The global usings of a project with ImplicitUsings on, where the code is most often pasted.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    /// <param name="responseType">The TResponse to read into, such as "Order" or "IReadOnlyList&lt;Order&gt;".</param>
    public static string RoundTrip(string code, string responseType, string json)
    {
        string probe = Probe.Replace("TResponse", responseType, StringComparison.Ordinal);
        // Its usings must not clash with the global ones either (that would be a warning).
        Emit(code, probe, ImplicitUsings).Dispose();
        using MemoryStream image = Emit(code, probe);

        var context = new AssemblyLoadContext("ResponseTypes", isCollectible: true);
        try
        {
            MethodInfo roundTrip = context.LoadFromStream(image).GetType("Probe")!.GetMethod("RoundTrip")!;
            return (string)roundTrip.Invoke(null, [json])!;
        }
        finally
        {
            context.Unload();
        }
    }

    private static MemoryStream Emit(params string[] sources)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "ResponseTypes",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, s_parseOptions)),
            Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Diagnostic[] problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(emitted.Success && problems.Length == 0, string.Join("\n", problems.Select(d => d.ToString())) + "\n" + sources[0]);
        image.Position = 0;
        return image;
    }
}
