using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Generation;

/// <summary>
/// Class headers in the generated request: a base class's apply to the derived node, the most
/// derived class wins a name. The whole shape is pinned by the CheckStock snapshot.
/// </summary>
public class HeaderGenerationTests
{
    private static string Generate(string classes)
    {
        GenerationResult result = GeneratorHarness.Generate($$"""
            using SdkNodes; namespace Demo;
            {{classes}}
            """);
        Assert.Empty(result.CompilationProblems);
        return result.Source("Demo.Lookup.g.cs");
    }

    private static string AddHeader(string name, string value) => $"global::SdkNodes.Generated.NodeRequest.AddHeader(request, \"{name}\", \"{value}\");";

    [Fact]
    public void HeaderOnABaseClassThatIsNoNode_IsAddedToTheDerivedNodesRequest()
    {
        string generated = Generate("""
            [Header("X-Api-Version", "2024-06-01")]
            public abstract class ApiBase { }
            [ApiRequest("GET", "/lookup")]
            public sealed partial class Lookup : ApiBase, IApiNode { }
            """);

        Assert.Contains(AddHeader("X-Api-Version", "2024-06-01"), generated);
    }

    [Fact]
    public void HeaderOnTheNodeAndItsBase_SendsOnlyTheNodes_WhateverTheCaseOfTheName()
    {
        string generated = Generate("""
            [Header("accept", "application/xml")]
            public abstract class ApiBase { }
            [ApiRequest("GET", "/lookup")]
            [Header("Accept", "application/json")]
            public sealed partial class Lookup : ApiBase, IApiNode { }
            """);

        Assert.Contains(AddHeader("Accept", "application/json"), generated);
        Assert.DoesNotContain("application/xml", generated);
    }

    [Fact]
    public void HeaderOnAMiddleClass_WinsOverTheGrandparents()
    {
        string generated = Generate("""
            [Header("X-Client", "grandparent")]
            public abstract class Grandparent { }
            [Header("X-Client", "parent")]
            public abstract class Parent : Grandparent { }
            [ApiRequest("GET", "/lookup")]
            public sealed partial class Lookup : Parent, IApiNode { }
            """);

        Assert.Contains(AddHeader("X-Client", "parent"), generated);
        Assert.DoesNotContain("grandparent", generated);
    }

    [Fact]
    public void HeaderSetTwiceOnOneBaseClass_SendsBothValues_AsOnTheNodeItself()
    {
        string generated = Generate("""
            [Header("Accept", "application/json")]
            [Header("Accept", "text/plain")]
            public abstract class ApiBase { }
            [ApiRequest("GET", "/lookup")]
            public sealed partial class Lookup : ApiBase, IApiNode { }
            """);

        Assert.Contains(AddHeader("Accept", "application/json"), generated);
        Assert.Contains(AddHeader("Accept", "text/plain"), generated);
    }
}
