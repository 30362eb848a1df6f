using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Diagnostics;

/// <summary>The request body rules: form fields, file parts, raw bodies and their content type.</summary>
public class BodyDiagnosticTests
{
    private const string Usings = "using System; using SdkNodes; namespace Demo;\npublic sealed record Order(string Id);\n";

    private static async Task<Diagnostic> ReportAsync(string marked, string id)
    {
        MarkedSource source = MarkedSource.Parse(Usings + marked);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return source.AssertSingle(diagnostics, id, DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("public sealed partial class Send : IApiNode { [[|Body|]] public required Order Order { get; init; } [FormField] public string? Note { get; init; } }")]
    [InlineData("public sealed partial class Send : IApiNode { [[|Body|]] public required string Text { get; init; } [FilePart] public NodeFile? Note { get; init; } }")]
    public async Task BodyWithFormFields_PointsAtTheBodyAttribute(string node)
    {
        Diagnostic d = await ReportAsync("[ApiRequest(\"POST\", \"/x\")]\n" + node, "SDKN027");
        Assert.Contains("'Send' has [Body] property", d.GetMessage());
        Assert.Contains("a request has one body", d.GetMessage());
    }

    [Theory]
    [InlineData("GET", "FormField")]
    [InlineData("HEAD", "FilePart")]
    public async Task FormPartOnGetOrHead_IsABodyOnARequestThatHasNone(string method, string attribute)
    {
        Diagnostic d = await ReportAsync($$"""
            [ApiRequest("{{method}}", "/x")]
            public sealed partial class Lookup : IApiNode { [[|{{attribute}}|]] public NodeFile? Part { get; init; } }
            """, "SDKN007");
        Assert.Contains($"sends {method}, which has no body; remove [{attribute}] from 'Part'", d.GetMessage());
    }

    [Fact]
    public async Task FilePartOnAString_PointsAtTheAttribute()
    {
        Diagnostic d = await ReportAsync("""
            [ApiRequest("POST", "/x")]
            public sealed partial class Upload : IApiNode { [[|FilePart|]] public string? Path { get; init; } }
            """, "SDKN028");
        Assert.Contains("[FilePart] property 'Path' of 'Upload' has type 'string?'", d.GetMessage());
    }

    [Theory]
    [InlineData("[FormField, [|ContentType(\"text/plain\")|]] public string? Note { get; init; }", "'Note' is not a [Body] property")]
    [InlineData("[Body, [|ContentType(\"text/plain\")|]] public int[]? Note { get; init; }", "is sent as JSON")]
    public async Task ContentTypeOffARawBody_PointsAtTheAttribute(string property, string reason)
    {
        Diagnostic d = await ReportAsync($$"""
            [ApiRequest("POST", "/x")]
            public sealed partial class Send : IApiNode { {{property}} }
            """, "SDKN029");
        Assert.Contains(reason, d.GetMessage());
    }

    [Theory]
    [InlineData("xml", "'/' must separate")]
    [InlineData("application/", "subtype")]
    [InlineData("text/plain; charset", "name=value")]
    [InlineData("text/pl ain", "parameters follow a ';'")]
    [InlineData("", "it is empty")]
    public async Task MalformedContentType_PointsAtTheArgument(string mediaType, string reason)
    {
        Diagnostic d = await ReportAsync($$"""
            [ApiRequest("POST", "/x")]
            public sealed partial class Send : IApiNode { [Body, ContentType([|"{{mediaType}}"|])] public byte[]? Data { get; init; } }
            """, "SDKN030");
        Assert.Contains(reason, d.GetMessage());
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("multipart/related; type=\\\"application/json\\\"; boundary=x")]
    public async Task WellFormedContentType_OnARawBody_ReportsNothing(string mediaType)
    {
        string source = Usings + $$"""
            [ApiRequest("POST", "/x")]
            public sealed partial class Send : IApiNode { [Body, ContentType("{{mediaType}}")] public System.IO.Stream? Data { get; init; } }
            """;
        Assert.Empty(await GeneratorHarness.AnalyzeAsync(source));
    }

    [Theory]
    [InlineData("System.IO.Stream? [|Data|]")]
    [InlineData("System.Collections.Generic.Dictionary<string, string>? [|Data|]")]
    public async Task FormFieldThatIsNotText_CannotBeSentAsAFormField(string property)
    {
        Diagnostic d = await ReportAsync($$"""
            [ApiRequest("POST", "/x")]
            public sealed partial class Send : IApiNode { [FormField] public {{property}} { get; init; } }
            """, "SDKN006");
        Assert.Contains("cannot be sent as a form field", d.GetMessage());
    }
}
