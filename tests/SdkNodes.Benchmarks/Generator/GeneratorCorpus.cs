using System.Globalization;
using System.Text;

namespace SdkNodes.Benchmarks.Generator;

/// <summary>
/// The same 1,000 requests written twice: as SdkNodes node classes and as Refit interfaces,
/// 10 per file in 100 files, plus one unrelated file whose method body the incremental run edits.
/// </summary>
internal static class GeneratorCorpus
{
    public const int Files = 100;
    public const int PerFile = 10;

    public const string Unrelated = """
        namespace Corpus;
        public static class Unrelated
        {
            public static int Compute(int x) { return x * 2; }
        }
        """;

    public const string UnrelatedEdited = """
        namespace Corpus;
        public static class Unrelated
        {
            public static int Compute(int x) { return x + x + 1; }
        }
        """;

    public static IEnumerable<string> SdkNodesFiles()
    {
        for (int file = 0; file < Files; file++)
        {
            var source = new StringBuilder("using SdkNodes;\nnamespace Corpus;\n");
            source.Append(CultureInfo.InvariantCulture, $"public sealed record Item{file}(string Id, string Name, int Count);\n");
            for (int i = 0; i < PerFile; i++)
            {
                int n = (file * PerFile) + i;
                if (n % 2 == 0)
                {
                    source.Append(CultureInfo.InvariantCulture, $$"""
                        [ApiRequest("GET", "/items/{id}/parts{?page,size,filter}")]
                        [Header("Accept", "application/json")]
                        public sealed partial class GetItem{{n}} : IApiNode<Item{{file}}>
                        {
                            public required string Id { get; init; }
                            public int? Page { get; init; }
                            public int? Size { get; init; }
                            public string? Filter { get; init; }
                            [Header("Authorization")] public string? Token { get; init; }
                        }

                        """);
                }
                else
                {
                    source.Append(CultureInfo.InvariantCulture, $$"""
                        [ApiRequest("POST", "/items/{id}")]
                        public sealed partial class PostItem{{n}} : IApiNode<Item{{file}}>
                        {
                            public required string Id { get; init; }
                            [Body] public required Item{{file}} Item { get; init; }
                            [Header("Authorization")] public string? Token { get; init; }
                        }

                        """);
                }
            }

            yield return source.ToString();
        }
    }

    public static IEnumerable<string> RefitFiles()
    {
        for (int file = 0; file < Files; file++)
        {
            var source = new StringBuilder("using System.Threading.Tasks;\nusing Refit;\nnamespace Corpus;\n");
            source.Append(CultureInfo.InvariantCulture, $"public sealed record Item{file}(string Id, string Name, int Count);\n");
            for (int i = 0; i < PerFile; i++)
            {
                int n = (file * PerFile) + i;
                if (n % 2 == 0)
                {
                    source.Append(CultureInfo.InvariantCulture, $$"""
                        public interface IGetItem{{n}}
                        {
                            [Get("/items/{id}/parts")]
                            [Headers("Accept: application/json")]
                            Task<Item{{file}}> GetItem(string id, int? page, int? size, string? filter, [Header("Authorization")] string? token);
                        }

                        """);
                }
                else
                {
                    source.Append(CultureInfo.InvariantCulture, $$"""
                        public interface IPostItem{{n}}
                        {
                            [Post("/items/{id}")]
                            Task<Item{{file}}> PostItem(string id, [Body] Item{{file}} item, [Header("Authorization")] string? token);
                        }

                        """);
                }
            }

            yield return source.ToString();
        }
    }

    // The IDE-loop corpus (IdeLoopBenchmarks, AnalyzerBenchmarks, "probe generated-size"): N
    // requests, 10 per file in N/10 files, each a GET with a path variable, two query variables
    // and a header property; for Refit, N/10 interfaces of 10 methods each. The node (or method)
    // numbered TemplateEditNode has its own template, which the template-edit run changes.

    public const int TemplateEditNode = 5;

    public static string IdeNodesFile(int file, int templateVersion = 0)
    {
        var source = new StringBuilder("using SdkNodes;\nnamespace Corpus;\n");
        source.Append(CultureInfo.InvariantCulture, $"public sealed record Thing{file}(string Id, string Name, int Count);\n");
        for (int i = 0; i < PerFile; i++)
        {
            int n = (file * PerFile) + i;
            string template = n == TemplateEditNode ? $"/edited{templateVersion}/{{id}}{{?page,size}}" : "/things/{id}{?page,size}";
            source.Append(CultureInfo.InvariantCulture, $$"""
                [ApiRequest("GET", "{{template}}")]
                public sealed partial class GetThing{{n}} : IApiNode<Thing{{file}}>
                {
                    public required string Id { get; init; }
                    public int? Page { get; init; }
                    public int? Size { get; init; }
                    [Header("Authorization")] public string? Token { get; init; }
                }

                """);
        }

        return source.ToString();
    }

    public static string IdeRefitFile(int file, int templateVersion = 0)
    {
        var source = new StringBuilder("using System.Threading.Tasks;\nusing Refit;\nnamespace Corpus;\n");
        source.Append(CultureInfo.InvariantCulture, $"public sealed record Thing{file}(string Id, string Name, int Count);\n");
        source.Append(CultureInfo.InvariantCulture, $"public interface IThings{file}\n{{\n");
        for (int i = 0; i < PerFile; i++)
        {
            int n = (file * PerFile) + i;
            string template = n == TemplateEditNode ? $"/edited{templateVersion}/{{id}}" : "/things/{id}";
            source.Append(CultureInfo.InvariantCulture, $$"""
                    [Get("{{template}}")]
                    Task<Thing{{file}}> GetThing{{n}}(string id, int? page, int? size, [Header("Authorization")] string? token);

                """);
        }

        source.Append("}\n");
        return source.ToString();
    }

    /// <summary>An unrelated file whose method body changes with <paramref name="version"/>.</summary>
    public static string UnrelatedVersion(int version) => $$"""
        namespace Corpus;
        public static class Unrelated
        {
            // edit {{version}}
            public static int Compute(int x) { return x * {{version}}; }
        }
        """;
}
