using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Model;
using SdkNodes.Generator.Parsing;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Generation;

/// <summary>
/// The variable-to-property binding is recorded once, in the template parts: each variable's
/// Property indexes the node's properties, and a property's BindsTo is read from the same parts.
/// </summary>
public class VariableBindingTests
{
    private static NodeModel ParseNode(string source, string typeName)
    {
        Compilation compilation = GeneratorHarness.Compile(source);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName(typeName)!;
        var reporter = new DiagnosticReporter(null, TestContext.Current.CancellationToken);
        NodeModel? model = NodeParser.Parse(type, NodeAttributes.Choose(type)!, reporter);
        Assert.NotNull(model);
        Assert.False(model.HasErrors);
        return model;
    }

    [Fact]
    public void EachVariable_IndexesItsProperty_WhoseBindsToIsTheVariable()
    {
        NodeModel model = ParseNode("""
            using SdkNodes; namespace Demo;
            [ApiRequest("GET", "/users/{user_id}/items{?Page,sort}")]
            public sealed partial class List : IApiNode
            {
                [Header("X-Tenant")] public string? Tenant { get; init; }
                public string? Sort { get; init; }
                public int Page { get; init; }
                [UriParam("user_id")] public required string UserId { get; init; }
            }
            """, "Demo.List");

        TemplateVariable[] variables = model.TemplateParts.SelectMany(p => p.Variables).ToArray();
        Assert.Equal(["user_id", "Page", "sort"], variables.Select(v => v.Name));
        Assert.Equal(["UserId", "Page", "Sort"], variables.Select(v => model.Properties[v.Property].Name));
        foreach (TemplateVariable variable in variables)
        {
            PropertyModel property = model.Properties[variable.Property];
            Assert.Equal(PropertyBinding.UriVariable, property.Binding);
            Assert.Equal(variable.Name, property.BindsTo);
        }

        PropertyModel tenant = model.Properties.Single(p => p.Name == "Tenant");
        Assert.Equal(PropertyBinding.Header, tenant.Binding);
        Assert.Equal("X-Tenant", tenant.BindsTo);
    }

    [Fact]
    public void AVariableUsedTwice_BindsOneProperty_AndTheFirstSpellingIsItsBindsTo()
    {
        NodeModel model = ParseNode("""
            using SdkNodes; namespace Demo;
            [ApiRequest("GET", "/a/{id}/b/{ID}")]
            public sealed partial class Twice : IApiNode { public required string Id { get; init; } }
            """, "Demo.Twice");

        Assert.All(model.TemplateParts.SelectMany(p => p.Variables), v => Assert.Equal(0, v.Property));
        Assert.Equal("id", Assert.Single(model.Properties).BindsTo);
    }
}
