using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Diagnostics;

/// <summary>
/// The editor runs the generator and analyzer on every keystroke: half-typed code must give
/// sensible diagnostics, never a crash (AD0001 from the analyzer, CS8784/CS8785 from the generator).
/// </summary>
public class HalfTypedCodeTests
{
    public static TheoryData<string, string> Snippets => new()
    {
        { "missing parenthesis", """[ApiRequest("GET", "/x"] public sealed partial class A : IApiNode { }""" },
        { "unterminated string", """[ApiRequest("GET", "/x/{id] public sealed partial class A : IApiNode { public string Id { get; init; } }""" },
        { "unterminated template brace", """[ApiRequest("GET", "/x/{id")] public sealed partial class A : IApiNode { public string Id { get; init; } }""" },
        { "non-constant argument", """[ApiRequest(Method, "/x")] public sealed partial class A : IApiNode { static string Method = "GET"; }""" },
        { "one argument", """[ApiRequest("GET")] public sealed partial class A : IApiNode { }""" },
        { "no arguments", """[ApiRequest] public sealed partial class A : IApiNode { }""" },
        { "null template", """[ApiRequest("GET", null)] public sealed partial class A : IApiNode { }""" },
        { "attribute on a struct", """[ApiRequest("GET", "/x")] public partial struct A : IApiNode { }""" },
        { "attribute on a record", """[ApiRequest("GET", "/x/{id}")] public sealed partial record A(string Id) : IApiNode;""" },
        { "generic node class", """[ApiRequest("GET", "/x/{id}")] public sealed partial class A<T> : IApiNode<T> { public required string Id { get; init; } }""" },
        { "nested node class", """public static partial class Outer { [ApiRequest("GET", "/x/{id}")] public sealed partial class A : IApiNode { public required string Id { get; init; } } }""" },
        { "unknown response type", """[ApiRequest("GET", "/x")] public sealed partial class A : IApiNode<Missing> { }""" },
        { "property of unknown type", """[ApiRequest("GET", "/x/{id}")] public sealed partial class A : IApiNode { public Missing Id { get; init; } }""" },
        { "half-typed property", """[ApiRequest("GET", "/x/{id}")] public sealed partial class A : IApiNode { public string Id { get; """ },
        { "half-typed attribute name", """[ApiReq("GET", "/x")] public sealed partial class A : IApiNode { }""" },
        { "success codes not constant", """[ApiRequest("GET", "/x")][SuccessCodes(Code)] public sealed partial class A : IApiNode { const string Code = "x"; }""" },
        { "timeout as a string", """[ApiRequest("GET", "/x")][Timeout("ten")] public sealed partial class A : IApiNode { }""" },
        { "header without a name", """[ApiRequest("GET", "/x")][Header(null, "v")] public sealed partial class A : IApiNode { }""" },
        { "error code field with empty pointer", """[ApiRequest("GET", "/x")][ErrorCodeField("")] public sealed partial class A : IApiNode { }""" },
        { "two node attributes", """[ApiRequest("GET", "/x")][SendObject("POST", "/y")] public sealed partial class A : IApiNode { }""" },
        { "duplicate class names in two namespaces", """[ApiRequest("GET", "/x")] public sealed partial class A : IApiNode { } namespace Other { [ApiRequest("GET", "/y")] public sealed partial class A : SdkNodes.IApiNode { } }""" },
        { "block namespace", """namespace Block { [ApiRequest("GET", "/x")] public sealed partial class A : SdkNodes.IApiNode { } }""" },
        { "empty template", """[ApiRequest("GET", "")] public sealed partial class A : IApiNode { }""" },
        { "retry without a count", """[ApiRequest("GET", "/x")][Retry] public sealed partial class A : IApiNode { }""" },
        { "retry statuses not constant", """[ApiRequest("GET", "/x")][Retry(3, OnStatus = Codes)] public sealed partial class A : IApiNode { static int[] Codes = [503]; }""" },
        { "retry delay as a string", """[ApiRequest("POST", "/x")][Retry(3, Delay = "1s")] public sealed partial class A : IApiNode { }""" },
        { "idempotency key of the wrong type", """[ApiRequest("POST", "/x")][IdempotencyKey(5)] public sealed partial class A : IApiNode { }""" },
        { "idempotency key without a name", """[ApiRequest("POST", "/x")][IdempotencyKey(null)] public sealed partial class A : IApiNode { }""" },
        { "rate limit with one argument", """[ApiRequest("GET", "/x")][RateLimit(5)] public sealed partial class A : IApiNode { }""" },
        { "circuit breaker with an unknown setting", """[ApiRequest("GET", "/x")][CircuitBreaker(Ratio = 0.5)] public sealed partial class A : IApiNode { }""" },
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task HalfTypedCode_NeverCrashesTheGeneratorOrAnalyzer(string description, string snippet)
    {
        // File-scoped namespace unless the snippet brings its own block namespace.
        string source = snippet.StartsWith("namespace", StringComparison.Ordinal)
            ? "using SdkNodes;\n" + snippet
            : "using SdkNodes;\nnamespace Demo;\n" + snippet;

        GenerationResult generated = GeneratorHarness.Generate(source);
        Assert.All(generated.RunResult.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(generated.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");

        var analyzer = await GeneratorHarness.AnalyzeAsync(source);
        Assert.DoesNotContain(analyzer, d => d.Id == "AD0001");

        // Whatever was generated is well-formed C#.
        foreach (var tree in generated.RunResult.GeneratedTrees)
        {
            Assert.DoesNotContain(tree.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Severity == DiagnosticSeverity.Error);
        }

        Assert.NotEmpty(description);
    }

    [Fact]
    public void GlobalNamespaceNode_Generates_AndCompiles()
    {
        GenerationResult generated = GeneratorHarness.Generate("""
            using SdkNodes;
            [ApiRequest("GET", "/x/{id}")]
            public sealed partial class GlobalNode : IApiNode { public required string Id { get; init; } }
            """);

        Assert.Empty(generated.CompilationProblems);
        Assert.Contains("GlobalNode.g.cs", generated.HintNames);
    }

    [Fact]
    public void NestedAndGenericNodes_Generate_AndCompile()
    {
        GenerationResult generated = GeneratorHarness.Generate("""
            using SdkNodes;
            namespace Demo;
            public static partial class Outer
            {
                [ApiRequest("GET", "/x/{id}")]
                public sealed partial class Inner : IApiNode { public required string Id { get; init; } }
            }
            [ApiRequest("GET", "/y/{id}")]
            public sealed partial class Typed<T> : IApiNode<T> { public required string Id { get; init; } }
            [ApiRequest("GET", "/z/{id}")]
            public sealed partial record RecordNode : IApiNode { public required string Id { get; init; } }
            """);

        Assert.Empty(generated.CompilationProblems);
        string registry = generated.Source("SdkNodes.NodeRegistry.g.cs");
        Assert.Contains("global::Demo.Outer.Inner.Descriptor", registry);
        Assert.DoesNotContain("Typed", registry);
    }

    [Fact]
    public void SameClassNameInTwoNamespaces_GivesTwoFiles()
    {
        GenerationResult generated = GeneratorHarness.Generate("""
            using SdkNodes;
            namespace One { [ApiRequest("GET", "/x")] public sealed partial class A : IApiNode { } }
            namespace Two { [ApiRequest("GET", "/y")] public sealed partial class A : IApiNode { } }
            """);

        Assert.Empty(generated.CompilationProblems);
        Assert.Contains("One.A.g.cs", generated.HintNames);
        Assert.Contains("Two.A.g.cs", generated.HintNames);
    }
}

/// <summary>
/// The compiler skips analyzers when the code has compile errors, so a node with SdkNodes
/// errors must not cause compile errors of its own: its members exist as stubs.
/// </summary>
public class ErroneousNodeTests
{
    [Fact]
    public async Task NodeWithErrors_GetsStubs_SoTheOnlyErrorsAreSdkNodesOnes()
    {
        const string source = """
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders/{ordrId}")]
            public sealed partial class Lookup : IApiNode { public required string OrderId { get; init; } }
            [ApiRequest("GET", "/orders/{id}")]
            public sealed class NotPartial : IApiNode { public required string Id { get; init; } }
            public static class Use
            {
                public static async System.Threading.Tasks.Task Run(NodeRuntime runtime)
                {
                    await new Lookup { OrderId = "1" }.SendAsync(runtime);
                    await new NotPartial { Id = "1" }.SendAsync(runtime);
                    _ = Lookup.Descriptor;
                    _ = new Lookup { OrderId = "1" }.CreateRequest();
                }
            }
            """;

        GenerationResult generated = GeneratorHarness.Generate(source);
        var analyzer = await GeneratorHarness.AnalyzeAsync(source);

        Assert.Empty(generated.CompilationProblems);
        Assert.Equal(["SDKN001", "SDKN004"], analyzer.Select(d => d.Id).Order());
        Assert.Contains("NotGenerated(\"Demo.Lookup\")", generated.Source("Demo.Lookup.g.cs"));
    }
}
