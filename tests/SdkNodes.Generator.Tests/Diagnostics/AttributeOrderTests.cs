using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Diagnostics;

/// <summary>
/// The class attributes are judged together, not in the order they are written: whether an
/// [ErrorMessage] status is a success code depends on [SuccessCodes] wherever it stands.
/// </summary>
public class AttributeOrderTests
{
    [Theory]
    [InlineData("[SuccessCodes(201)][ErrorMessage([|201|], \"Created twice\")]")]
    [InlineData("[ErrorMessage([|201|], \"Created twice\")][SuccessCodes(201)]")]
    public async Task MessageForAListedSuccessCode_IsReported_InEitherOrder(string attributes)
    {
        MarkedSource source = MarkedSource.Parse($$"""
            using SdkNodes; namespace Demo;
            [ApiRequest("POST", "/orders")]
            {{attributes}}
            public sealed partial class Create : IApiNode { }
            """);

        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);

        source.AssertSingle(diagnostics, "SDKN009", DiagnosticSeverity.Warning);
    }

    [Theory]
    [InlineData("[SuccessCodes(201)][ErrorMessage(200, \"Not created\")]")]
    [InlineData("[ErrorMessage(200, \"Not created\")][SuccessCodes(201)]")]
    public async Task MessageFor2xxNotListed_IsNotASuccessCode_InEitherOrder(string attributes)
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync($$"""
            using SdkNodes; namespace Demo;
            [ApiRequest("POST", "/orders")]
            {{attributes}}
            public sealed partial class Create : IApiNode { }
            """);

        Assert.Empty(diagnostics);
    }
}
