using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Generation;

/// <summary>
/// The straight-line expansion code the generator writes for one template per RFC 6570
/// operator, with a single value, a list and a map in each: pinned in Snapshots/Expansion.*.cs.
/// </summary>
public class ExpansionSnapshotTests
{
    private const string Node = """
        using System.Collections.Generic;
        using SdkNodes;

        namespace Contoso.Nodes;

        public enum Colour { Red, Blue }

        [ApiRequest("GET", "https://api.example.com/items/TEMPLATE")]
        public sealed partial class Expansion : IApiNode
        {
            public string? Name { get; init; }
            public int? Page { get; init; }
            public Colour Colour { get; init; }
            public List<string>? Tags { get; init; }
            public IReadOnlyDictionary<string, int>? Filters { get; init; }
        }
        """;

    [Theory]
    [InlineData("Simple", "{name:3,page}/{colour}{tags}{filters*}")]
    [InlineData("Reserved", "{+name,page,colour,tags,filters}")]
    [InlineData("Fragment", "{#name,page,colour,tags*,filters}")]
    [InlineData("Label", "{.name,page,colour,tags*,filters*}")]
    [InlineData("PathSegment", "{/name,page,colour,tags*,filters}")]
    [InlineData("PathParameter", "{;name,page,colour,tags,filters*}")]
    [InlineData("Query", "{?name,page,colour,tags*,filters*}")]
    [InlineData("QueryContinuation", "?fixed=1{&name,page,colour,tags,filters}")]
    public void Operator_ExpandsThroughStraightLineCode(string name, string template)
    {
        GenerationResult result = GeneratorHarness.Generate(Node.Replace("TEMPLATE", template));
        Assert.Empty(result.CompilationProblems);

        string source = result.Source("Contoso.Nodes.Expansion.g.cs");
        int start = source.IndexOf("        string global::SdkNodes.IGeneratedNode.FormatUri", StringComparison.Ordinal);
        int end = source.IndexOf("\n        }\n", start, StringComparison.Ordinal) + "\n        }\n".Length;
        string expansion = $"// {template}\n" + source[start..end].Replace("\n        ", "\n").TrimStart();

        Assert.DoesNotContain("Parse", expansion);
        Snapshot.Match("Expansion." + name, expansion);
    }
}
