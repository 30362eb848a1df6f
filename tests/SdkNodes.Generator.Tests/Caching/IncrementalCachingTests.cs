using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SdkNodes.Generator.Model;
using SdkNodes.Generator.Tests.Generation;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Caching;

/// <summary>
/// The generator must stay cheap while the user types: models compare by value, hold no
/// compiler objects, and an unrelated edit reuses every cached step.
/// </summary>
public class IncrementalCachingTests
{
    private static readonly string[] s_trackedSteps =
    [
        NodeGenerator.Steps.ApiRequestNodes,
        NodeGenerator.Steps.SendObjectNodes,
        NodeGenerator.Steps.RegistryEntries,
    ];

    private const string Unrelated = """
        namespace Demo;
        public static class Helper
        {
            public static int Twice(int x) { return x * 2; }
        }
        """;

    [Fact]
    public void EditInsideAnUnrelatedMethodBody_LeavesEveryStepCachedOrUnchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Sources.IpAttribution, Sources.PushOrder, Sources.SendRecord, Sources.MultipartUpload, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        CSharpCompilation edited = ReplaceTree(compilation, 4, Unrelated.Replace("x * 2", "x + x"));
        GeneratorRunResult second = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        foreach (string step in s_trackedSteps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            Assert.All(
                second.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} was {output.Reason}"));
        }

        Assert.All(
            second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditingOneNodesTemplate_RegeneratesOnlyThatNode()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Sources.IpAttribution, Sources.PushOrder);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        CSharpCompilation edited = ReplaceTree(compilation, 0, Sources.IpAttribution.Replace("ip/ipNew{?ip,key}", "ip/v2{?ip,key}"));
        GeneratorRunResult second = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        var nodeOutputs = second.TrackedSteps[NodeGenerator.Steps.ApiRequestNodes].SelectMany(s => s.Outputs).ToList();
        Assert.Single(nodeOutputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(nodeOutputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("ip/v2", second.GeneratedSources.Single(s => s.HintName == "Contoso.Nodes.IpAttribution.g.cs").SourceText.ToString());

        // The registry lists names only: a template edit leaves it as it was.
        Assert.All(
            second.TrackedSteps[NodeGenerator.Steps.RegistryEntries].SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
    }

    [Fact]
    public void Models_HoldNoCompilerObjects()
    {
        GeneratorRunResult result = GeneratorHarness.Generate(Sources.IpAttribution, Sources.PushOrder, Sources.HeadWithOperators, Sources.ReserveSeat)
            .RunResult.Results.Single();
        var models = result.TrackedSteps[NodeGenerator.Steps.ApiRequestNodes]
            .SelectMany(s => s.Outputs)
            .Select(o => o.Value)
            .ToList();

        Assert.Equal(4, models.Count);
        foreach (object model in models)
        {
            Assert.IsType<NodeModel>(model);
            AssertNoCompilerObjects(model, "NodeModel", new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    [Theory]
    [InlineData(nameof(Sources.PushOrder))]
    [InlineData(nameof(Sources.ReserveSeat))]
    public void ParsingTheSameNodeTwice_GivesEqualModels(string sourceName)
    {
        string source = (string)typeof(Sources).GetField(sourceName)!.GetValue(null)!;
        NodeModel First() => (NodeModel)GeneratorHarness.Generate(source).RunResult.Results.Single()
            .TrackedSteps[NodeGenerator.Steps.ApiRequestNodes].Single().Outputs.Single().Value;

        NodeModel a = First();
        NodeModel b = First();

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxToken or Location or SemanticModel or Compilation or SyntaxTree,
            $"{path} holds a {value.GetType().Name}");

        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                AssertNoCompilerObjects(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                AssertNoCompilerObjects(property.GetValue(value), $"{path}.{property.Name}", seen);
            }
        }
    }

    private static CSharpCompilation ReplaceTree(CSharpCompilation compilation, int index, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees[index];
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
    }
}
