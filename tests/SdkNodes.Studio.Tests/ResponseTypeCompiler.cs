using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SdkNodes.Studio.Tests;

/// <summary>
/// Compiles the C# the studio wrote for a response (nullable on, no warning allowed), then reads
/// the response into it with the runtime's default JSON options and writes it back: what comes
/// back shows what the types kept.
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

    /// <param name="responseType">The TResponse to read into, such as "Order" or "IReadOnlyList&lt;Order&gt;".</param>
    public static string RoundTrip(string code, string responseType, string json)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "ResponseTypes",
            [CSharpSyntaxTree.ParseText(code, options), CSharpSyntaxTree.ParseText(Probe.Replace("TResponse", responseType, StringComparison.Ordinal), options)],
            Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Diagnostic[] problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(emitted.Success && problems.Length == 0, string.Join("\n", problems.Select(d => d.ToString())) + "\n" + code);

        image.Position = 0;
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
}
