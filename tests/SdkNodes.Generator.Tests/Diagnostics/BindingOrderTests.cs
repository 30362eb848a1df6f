using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Diagnostics;

/// <summary>
/// What the parser reports does not depend on the order it meets things in: every variable is
/// matched before any is reported, so SDKN004 never suggests a property another variable binds.
/// </summary>
public class BindingOrderTests
{
    [Theory]
    [InlineData("/orders/[|idd|]/{id}")]
    [InlineData("/orders/{id}/[|idd|]")]
    public async Task UnknownVariable_DoesNotSuggestAPropertyThatIsBound_WhereverTheBindingIs(string marked)
    {
        string template = marked.Replace("[|", "{[|", StringComparison.Ordinal).Replace("|]", "|]}", StringComparison.Ordinal);
        MarkedSource source = MarkedSource.Parse($$"""
            using SdkNodes; namespace Demo;
            [ApiRequest("GET", "{{template}}")]
            public sealed partial class Lookup : IApiNode { public required string Id { get; init; } }
            """);

        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);

        Diagnostic unknown = source.AssertSingle(diagnostics, "SDKN004", DiagnosticSeverity.Error);
        Assert.Equal(
            "Template variable 'idd' of 'Lookup' has no matching property; add a property named 'idd', or bind one with [UriParam(\"idd\")]",
            unknown.GetMessage());
        Assert.Single(diagnostics);
    }

    [Fact]
    public async Task NestedInANonPartialType_GetsNoStub_AndOnlyTheNotPartialError()
    {
        // The error path: a node whose container is not partial cannot be stubbed (the stub
        // could not be declared), so the generator emits nothing for it.
        var generated = GeneratorHarness.Generate("""
            using SdkNodes; namespace Demo;
            public static class Outer
            {
                [ApiRequest("GET", "/x")]
                public sealed partial class Inner : IApiNode { }
            }
            """);
        Assert.DoesNotContain(generated.HintNames, h => h.Contains("Inner", StringComparison.Ordinal));

        var diagnostics = await GeneratorHarness.AnalyzeAsync("""
            using SdkNodes; namespace Demo;
            public static class Outer
            {
                [ApiRequest("GET", "/x")]
                public sealed partial class Inner : IApiNode { }
            }
            """);
        Assert.Equal("SDKN001", Assert.Single(diagnostics).Id);
    }
}
