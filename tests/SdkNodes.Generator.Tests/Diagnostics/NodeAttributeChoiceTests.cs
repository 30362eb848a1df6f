using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Parsing;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Diagnostics;

/// <summary>
/// A class with both node attributes (SDKN020) is read through [ApiRequest] by the analyzer and
/// the generator alike, whichever attribute is written first.
/// </summary>
public class NodeAttributeChoiceTests
{
    [Theory]
    [InlineData("[ApiRequest(\"GET\", \"/x\")][SendObject(\"POST\", \"/y\")]")]
    [InlineData("[SendObject(\"POST\", \"/y\")][ApiRequest(\"GET\", \"/x\")]")]
    public void Choose_PrefersApiRequest_InEitherOrder(string attributes)
    {
        var compilation = GeneratorHarness.Compile($$"""
            using SdkNodes; namespace Demo;
            {{attributes}}
            public sealed partial class Both : IApiNode { }
            """);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Demo.Both")!;

        AttributeData? chosen = NodeAttributes.Choose(type);

        Assert.NotNull(chosen);
        Assert.Equal("ApiRequestAttribute", chosen.AttributeClass!.Name);
        Assert.False(NodeAttributes.IsSendObject(chosen));
    }

    [Fact]
    public void Choose_GivesSendObject_WhenItIsTheOnlyOne()
    {
        var compilation = GeneratorHarness.Compile("""
            using SdkNodes; namespace Demo;
            public sealed record Order(string Id);
            [SendObject("POST", "/y")]
            public sealed partial class Push : IApiNode { [Body] public required Order Order { get; init; } }
            """);

        AttributeData? chosen = NodeAttributes.Choose(compilation.GetTypeByMetadataName("Demo.Push")!);

        Assert.NotNull(chosen);
        Assert.True(NodeAttributes.IsSendObject(chosen));
    }

    [Fact]
    public async Task SendObjectWrittenFirst_AnalyzerReadsTheApiRequest_AndReportsOnlyTheDuplicate()
    {
        // Read through [SendObject], this GET node without a [Body] would also get SDKN018.
        MarkedSource source = MarkedSource.Parse("""
            using SdkNodes; namespace Demo;
            [SendObject("POST", "/y")][[|ApiRequest("GET", "/x")|]]
            public sealed partial class Ping : IApiNode { }
            """);

        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);

        source.AssertSingle(diagnostics, "SDKN020", DiagnosticSeverity.Error);
        Assert.Single(diagnostics);
    }
}
