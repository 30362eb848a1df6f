using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Diagnostics;

/// <summary>
/// Each rule: its ID, severity, message and the exact place it points at (for a template, the
/// character inside the string literal).
/// </summary>
public class DiagnosticTests
{
    private const string Usings = "using System; using SdkNodes; namespace Demo;\n";

    private static async Task<(MarkedSource Source, Diagnostic Diagnostic)> ReportAsync(string marked, string id, DiagnosticSeverity severity)
    {
        MarkedSource source = MarkedSource.Parse(Usings + marked);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return (source, source.AssertSingle(diagnostics, id, severity));
    }

    [Fact]
    public async Task NotPartial_PointsAtTheClassName()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/x")]
            public sealed class [|Lookup|] : IApiNode { }
            """, "SDKN001", DiagnosticSeverity.Error);
        Assert.Contains("'Lookup' must be declared partial", d.GetMessage());
    }

    [Fact]
    public async Task NotPartial_ContainingType_PointsAtTheContainer()
    {
        await ReportAsync("""
            public static class [|Outer|]
            {
                [ApiRequest("GET", "/x")]
                public sealed partial class Lookup : IApiNode { }
            }
            """, "SDKN001", DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task UnsupportedMethod_PointsAtTheMethodArgument()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest([|"FETCH"|], "/x")]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN002", DiagnosticSeverity.Error);
        Assert.Contains("'FETCH'", d.GetMessage());
    }

    [Theory]
    [InlineData("/orders/[|{|]id", "no closing '}'")]
    [InlineData("/orders/{[|!|]id}", "reserved for future extensions")]
    [InlineData("/orders/{id[|:0|]}", "prefix of 'id'")]
    [InlineData("/orders/{id[|:10000|]}", "prefix of 'id'")]
    [InlineData("/orders[|}|]/{id}", "closes no expression")]
    [InlineData("/orders/{id[|-|]x}", "'-' is not allowed here")]
    [InlineData("/orders/[|{}|]{id}", "the expression is empty")]
    [InlineData("/orders/[| |]{id}", "a space is not allowed in a URI")]
    [InlineData("/orders/[|%|]zz{id}", "percent-encoded triplet")]
    public async Task MalformedTemplate_PointsAtTheBadCharacter(string template, string reason)
    {
        var (_, d) = await ReportAsync($$"""
            [ApiRequest("GET", "{{template}}")]
            public sealed partial class Lookup : IApiNode { public required string Id { get; init; } }
            """, "SDKN003", DiagnosticSeverity.Error);
        Assert.Contains(reason, d.GetMessage());
        Assert.Contains("'Lookup'", d.GetMessage());
    }

    // RFC 6570 §3.2.1: '*' on a single value is valid and does nothing, so it is a warning
    // (SDKN031) at the same place SDKN003 used to point, and no longer a malformed template.
    [Theory]
    [InlineData("/orders/{id[|*|]}")]
    [InlineData("/orders{/id[|*|]}")]
    [InlineData("/orders{?page,id[|*|]}")]
    public async Task ExplodeOnSingleValue_IsAWarning_AtTheStar(string template)
    {
        MarkedSource source = MarkedSource.Parse(Usings + $$"""
            [ApiRequest("GET", "{{template}}")]
            public sealed partial class Lookup : IApiNode
            {
                public required string Id { get; init; }
                public int? Page { get; init; }
            }
            """);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "SDKN003");
        var d = source.AssertSingle(diagnostics, "SDKN031", DiagnosticSeverity.Warning);
        Assert.Equal(
            "Template variable 'id' of 'Lookup' has the explode modifier '*', but property 'Id' is a single value of type 'string': '*' does nothing on a single value (RFC 6570 §3.2.1); remove it",
            d.GetMessage());
    }

    [Fact]
    public async Task UnknownVariable_PointsAtTheVariable_AndSuggestsTheClosestProperty()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/orders/{[|ordrId|]}")]
            public sealed partial class Lookup : IApiNode { public required string OrderId { get; init; } }
            """, "SDKN004", DiagnosticSeverity.Error);
        Assert.Equal("Template variable 'ordrId' of 'Lookup' has no matching property; did you mean 'OrderId'?", d.GetMessage());
    }

    [Fact]
    public async Task UnknownVariable_WithNothingClose_SuggestsAddingAProperty()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/orders{?[|warehouse|]}")]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN004", DiagnosticSeverity.Error);
        Assert.Contains("add a property named 'warehouse'", d.GetMessage());
    }

    [Fact]
    public async Task UnboundProperty_PointsAtTheProperty()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/orders")]
            public sealed partial class Lookup : IApiNode { public string? [|Note|] { get; init; } }
            """, "SDKN005", DiagnosticSeverity.Warning);
        Assert.Contains("'Note'", d.GetMessage());
    }

    [Fact]
    public async Task UnsupportedType_PointsAtTheProperty()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/files/{content}")]
            public sealed partial class Lookup : IApiNode { public required System.IO.Stream [|Content|] { get; init; } }
            """, "SDKN006", DiagnosticSeverity.Error);
        Assert.Contains("'Content' of type 'Stream' cannot be expanded into a URI", d.GetMessage());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task BodyOnGetOrHead_PointsAtTheBodyAttribute(string method)
    {
        var (_, d) = await ReportAsync($$"""
            public sealed record Order(string Id);
            [ApiRequest("{{method}}", "/orders")]
            public sealed partial class Lookup : IApiNode { [[|Body|]] public required Order Order { get; init; } }
            """, "SDKN007", DiagnosticSeverity.Error);
        Assert.Contains($"sends {method}", d.GetMessage());
    }

    [Theory]
    [InlineData("[SuccessCodes(200, [|700|])]", "Status code 700")]
    [InlineData("[SuccessCodes(200, [|200|])]", "listed twice")]
    [InlineData("[ErrorMessage([|99|], \"x\")]", "Status code 99")]
    [InlineData("[ErrorMessage(404, \"a\")][ErrorMessage([|404|], \"b\")]", "two error messages")]
    public async Task InvalidStatusCode_PointsAtTheCode(string attribute, string reason)
    {
        var (_, d) = await ReportAsync($$"""
            [ApiRequest("GET", "/orders")]
            {{attribute}}
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN008", DiagnosticSeverity.Error);
        Assert.Contains(reason, d.GetMessage());
    }

    [Fact]
    public async Task RepeatedErrorCode_IsItsOwnDiagnostic_AtTheCode()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/orders")]
            [ErrorMessage("10001", "a")][ErrorMessage([|"10001"|], "b")]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN032", DiagnosticSeverity.Error);
        Assert.Equal("Error code '10001' of 'Lookup' has two error messages", d.GetMessage());
    }

    [Fact]
    public async Task MessageForSuccessCode_PointsAtTheCode()
    {
        await ReportAsync("""
            [ApiRequest("GET", "/orders")]
            [ErrorMessage([|204|], "Nothing there")]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN009", DiagnosticSeverity.Warning);
    }

    [Fact]
    public async Task HeadWithBodyType_PointsAtTheClassName()
    {
        await ReportAsync("""
            public sealed record Info(string Id);
            [ApiRequest("HEAD", "/orders")]
            public sealed partial class [|Probe|] : IApiNode<Info> { }
            """, "SDKN010", DiagnosticSeverity.Warning);
    }

    [Fact]
    public async Task SecretInUrl_IsInformation_AtTheVariable()
    {
        await ReportAsync("""
            [ApiRequest("GET", "/ip{?[|key|]}")]
            public sealed partial class Lookup : IApiNode { [Secret] public required string Key { get; init; } }
            """, "SDKN011", DiagnosticSeverity.Info);
    }

    [Theory]
    [InlineData("[ErrorCodeField(\"[|e|]rror_code\")]")]
    [InlineData("[ErrorCodeField(\"/error[|~|]2\")]")]
    [InlineData("[ErrorCodeField(\"/code\", MessagePointer = \"[|r|]eason\")]")]
    public async Task MalformedJsonPointer_PointsAtTheBadCharacter(string attribute)
    {
        await ReportAsync($$"""
            [ApiRequest("GET", "/orders")]
            {{attribute}}
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN013", DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("300.5")]
    public async Task TimeoutOutOfRange_PointsAtTheSeconds(string seconds)
    {
        var (_, d) = await ReportAsync($$"""
            [ApiRequest("GET", "/orders")]
            [Timeout([|{{seconds}}|])]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN015", DiagnosticSeverity.Error);
        Assert.Contains("must be more than 0 and at most 300", d.GetMessage());
    }

    [Fact]
    public async Task VariableBoundTwice_PointsAtTheVariable()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/orders/{[|id|]}")]
            public sealed partial class Lookup : IApiNode
            {
                public required string Id { get; init; }
                [UriParam("id")] public string? OrderId { get; init; }
            }
            """, "SDKN016", DiagnosticSeverity.Error);
        Assert.Equal("Properties 'Id' and 'OrderId' both bind template variable 'id'", d.GetMessage());
    }

    [Fact]
    public async Task MissingNodeInterface_PointsAtTheClassName()
    {
        await ReportAsync("""
            [ApiRequest("GET", "/orders")]
            public sealed partial class [|Lookup|] { }
            """, "SDKN017", DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task TwoBodies_PointAtTheSecond()
    {
        await ReportAsync("""
            public sealed record Order(string Id);
            [ApiRequest("POST", "/orders")]
            public sealed partial class Push : IApiNode
            {
                [Body] public required Order First { get; init; }
                [[|Body|]] public required Order Second { get; init; }
            }
            """, "SDKN018", DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task DataObjectWithoutABody_SaysWhatIsMissing()
    {
        var (_, d) = await ReportAsync("""
            [SendObject("PUT", "/customers")]
            public sealed partial class [|Push|] : IApiNode { }
            """, "SDKN018", DiagnosticSeverity.Error);
        Assert.Equal("'Push' has no [Body] property; it sends a data object, so it needs one holding the record", d.GetMessage());
    }

    [Fact]
    public async Task ClassHeaderWithoutAValue_NamesTheNode()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/orders")]
            [Header([|"Accept"|])]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN019", DiagnosticSeverity.Error);
        Assert.Equal("[Header] of 'Lookup': a header on the class needs a value: write [Header(\"Accept\", \"value\")]", d.GetMessage());
    }

    [Fact]
    public async Task PropertyHeaderWithAFixedValue_NamesThePropertyAndTheNode()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/orders")]
            public sealed partial class Lookup : IApiNode { [Header([|"Authorization"|], "Bearer")] public string? Token { get; init; } }
            """, "SDKN019", DiagnosticSeverity.Error);
        Assert.StartsWith("[Header] on property 'Token' of 'Lookup': [Header(name, value)] gives a fixed value", d.GetMessage());
    }

    [Fact]
    public async Task ConstantHeaderWithLineBreak_PointsAtTheValue()
    {
        var (_, d) = await ReportAsync("""
            [ApiRequest("GET", "/orders")]
            [Header("X-Note", [|"a\r\nInjected: yes"|])]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN019", DiagnosticSeverity.Error);
        Assert.Contains("'X-Note'", d.GetMessage());
    }

    [Fact]
    public async Task InvalidHeaderOnABaseClass_PointsAtTheDerivedNodesName_AndNamesTheBase()
    {
        var (_, d) = await ReportAsync("""
            [Header("X Note", "a")]
            public abstract class ApiBase { }
            [ApiRequest("GET", "/orders")]
            public sealed partial class [|Lookup|] : ApiBase, IApiNode { }
            """, "SDKN019", DiagnosticSeverity.Error);
        Assert.Contains("'Lookup' inherits an invalid header from 'ApiBase'", d.GetMessage());
        Assert.Contains("'X Note'", d.GetMessage());
    }

    [Fact]
    public async Task ValidNode_ReportsNothing()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(Usings + """
            public sealed record Info(string City);
            [ApiRequest("GET", "https://apis.example.com/ip/{ip}{?lang}")]
            [SuccessCodes(200)]
            [ErrorMessage(401, "Rejected")]
            [Timeout(0.25)]
            public sealed partial class Lookup : IApiNode<Info>
            {
                public required string Ip { get; init; }
                public string? Lang { get; init; }
                [Header("Authorization"), Secret] public string? Token { get; init; }
            }
            """);
        Assert.Empty(diagnostics);
    }
}

public class DiagnosticTests_NodeModes
{
    [Fact]
    public async Task TwoNodeAttributes_PointsAtTheSecond()
    {
        MarkedSource source = MarkedSource.Parse("""
            using SdkNodes; namespace Demo;
            public sealed record Order(string Id);
            [ApiRequest("POST", "/x")][[|SendObject("POST", "/y")|]]
            public sealed partial class Push : IApiNode { [Body] public required Order Order { get; init; } }
            """);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        source.AssertSingle(diagnostics, "SDKN020", DiagnosticSeverity.Error);
    }
}

public class DiagnosticTests_Composites
{
    [Theory]
    [InlineData("/items{?tags[|:3|]}", "a prefix cuts a string, but 'Tags' is a list")]
    [InlineData("/items{?filters[|:10|]}", "but 'Filters' is a map")]
    public async Task PrefixOnAListOrMap_IsMalformed_AtTheModifier(string template, string reason)
    {
        MarkedSource source = MarkedSource.Parse($$"""
            using SdkNodes; namespace Demo;
            [ApiRequest("GET", "{{template}}")]
            public sealed partial class Lookup : IApiNode
            {
                public string[]? Tags { get; init; }
                public System.Collections.Generic.Dictionary<string, string>? Filters { get; init; }
            }
            """);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        var d = source.AssertSingle(diagnostics.Where(d => d.Id == "SDKN003"), "SDKN003", DiagnosticSeverity.Error);
        Assert.Contains(reason, d.GetMessage());
    }

    [Fact]
    public async Task ListOfUnsupportedItems_CannotBeExpanded()
    {
        MarkedSource source = MarkedSource.Parse("""
            using SdkNodes; namespace Demo;
            [ApiRequest("GET", "/items{?streams}")]
            public sealed partial class Lookup : IApiNode { public System.IO.Stream[]? [|Streams|] { get; init; } }
            """);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        source.AssertSingle(diagnostics, "SDKN006", DiagnosticSeverity.Error);
    }
}

public class DiagnosticTests_Certificates
{
    [Fact]
    public async Task CertificateValidationOff_WarnsAtTheAttribute()
    {
        MarkedSource source = MarkedSource.Parse("""
            using SdkNodes; namespace Demo;
            [ApiRequest("GET", "https://test.internal/x")]
            [[|DisableCertificateValidation|]]
            public sealed partial class Lookup : IApiNode { }
            """);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        var d = source.AssertSingle(diagnostics, "SDKN012", DiagnosticSeverity.Warning);
        Assert.Contains("'Lookup' switches TLS certificate verification off", d.GetMessage());

        var generated = GeneratorHarness.Generate(source.Text);
        Assert.Contains("ValidateCertificate = false,", generated.Source("Demo.Lookup.g.cs"));
    }
}

public class DiagnosticTests_Fields
{
    [Fact]
    public async Task UnknownField_PointsAtTheName()
    {
        MarkedSource source = MarkedSource.Parse("""
            using SdkNodes; namespace Demo;
            public sealed record Customer(string Id, string Name);
            [SendObject("PUT", "/customers")]
            [Fields(nameof(Customer.Id), [|"Nmae"|])]
            public sealed partial class Push : IApiNode { [Body] public required Customer Customer { get; init; } }
            """);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        var d = source.AssertSingle(diagnostics, "SDKN014", DiagnosticSeverity.Error);
        Assert.Equal("[Fields] of 'Push' names 'Nmae', which is not a public member of 'Customer'; write nameof(Customer.Member)", d.GetMessage());
    }

    [Fact]
    public async Task FieldsWithoutABody_IsReported()
    {
        MarkedSource source = MarkedSource.Parse("""
            using SdkNodes; namespace Demo;
            [ApiRequest("POST", "/customers")]
            [[|Fields("Id")|]]
            public sealed partial class Push : IApiNode { }
            """);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        source.AssertSingle(diagnostics, "SDKN014", DiagnosticSeverity.Error);
    }
}

public class DiagnosticTests_Limits
{
    [Theory]
    [InlineData("[FollowRedirects([|MaxRedirects = 0|])]", "SDKN021")]
    [InlineData("[FollowRedirects([|MaxRedirects = 51|])]", "SDKN021")]
    [InlineData("[MaxResponseBytes([|0|])]", "SDKN022")]
    [InlineData("[MaxResponseBytes([|-5|])]", "SDKN022")]
    public async Task LimitsOutOfRange_PointAtTheValue(string attribute, string id)
    {
        MarkedSource source = MarkedSource.Parse($$"""
            using SdkNodes; namespace Demo;
            [ApiRequest("GET", "/x")]
            {{attribute}}
            public sealed partial class Lookup : IApiNode { }
            """);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        source.AssertSingle(diagnostics, id, DiagnosticSeverity.Error);
    }
}
