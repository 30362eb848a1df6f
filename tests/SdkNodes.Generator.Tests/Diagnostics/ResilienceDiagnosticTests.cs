using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Diagnostics;

/// <summary>
/// [Retry], [IdempotencyKey], [CircuitBreaker] and [RateLimit]: each rule at the argument it
/// is about, and each boundary of the ranges the runtime's settings accept.
/// </summary>
public class ResilienceDiagnosticTests
{
    private const string Usings = "using System; using SdkNodes; namespace Demo;\n";

    private static async Task<Diagnostic> ReportAsync(string method, string attributes, string id, DiagnosticSeverity severity)
    {
        MarkedSource source = MarkedSource.Parse(Usings + $$"""
            [ApiRequest("{{method}}", "/seats")]
            {{attributes}}
            public sealed partial class Reserve : IApiNode { }
            """);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(source.Text);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return source.AssertSingle(diagnostics, id, severity);
    }

    private static async Task AssertNothingReportedAsync(string method, string attributes)
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(Usings + $$"""
            [ApiRequest("{{method}}", "/seats")]
            {{attributes}}
            public sealed partial class Reserve : IApiNode { }
            """);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task RetryOnPostOrPatchWithoutIdempotencyKey_WarnsAtTheRetryAttribute(string method)
    {
        Diagnostic d = await ReportAsync(method, "[[|Retry(3)|]]", "SDKN023", DiagnosticSeverity.Warning);

        Assert.Equal(
            $"'Reserve' sends {method} with [Retry] but has no [IdempotencyKey], so it is never retried: a retried {method} could act twice. Add [IdempotencyKey] if the server honours one",
            d.GetMessage());
    }

    [Theory]
    [InlineData("POST", "[Retry(3)][IdempotencyKey]")]
    [InlineData("PATCH", "[Retry(3)][IdempotencyKey(\"X-Request-Id\")]")]
    [InlineData("POST", "[Retry(0)]")]
    [InlineData("PUT", "[Retry(3)]")]
    [InlineData("DELETE", "[Retry(3)]")]
    [InlineData("GET", "[Retry(3)]")]
    public async Task RetryThatIsSafeOrOff_IsNotWarnedAbout(string method, string attributes)
        => await AssertNothingReportedAsync(method, attributes);

    [Fact]
    public void RetryOnPostWithoutIdempotencyKey_StillEmitsTheRetrySettings()
    {
        GenerationResult result = GeneratorHarness.Generate(Usings + """
            [ApiRequest("POST", "/seats")]
            [Retry(3)]
            public sealed partial class Reserve : IApiNode { }
            """);

        Assert.Empty(result.CompilationProblems);
        string generated = result.Source("Demo.Reserve.g.cs");
        Assert.Contains("Retry = new global::SdkNodes.RetrySettings", generated);
        Assert.DoesNotContain("IdempotencyKeyHeader", generated);
    }

    [Theory]
    [InlineData("[Retry([|-1|])]", "has Retries = -1; it must be from 0 to 100")]
    [InlineData("[Retry([|101|])]", "has Retries = 101; it must be from 0 to 100")]
    [InlineData("[Retry(3, Delay = [|-0.5|])]", "has Delay = -0.5; it must be from 0 to 3600 seconds (1 hour)")]
    [InlineData("[Retry(3, Delay = [|3600.5|], MaxDelay = 3600)]", "has Delay = 3600.5; it must be from 0 to 3600 seconds")]
    [InlineData("[Retry(3, Delay = [|double.NaN|])]", "has Delay = NaN; it must be from 0 to 3600 seconds")]
    [InlineData("[Retry(3, MaxDelay = [|0|])]", "has MaxDelay = 0; it must be more than 0 and at most 3600 seconds (1 hour)")]
    [InlineData("[Retry(3, MaxDelay = [|3601|])]", "has MaxDelay = 3601; it must be more than 0 and at most 3600 seconds")]
    [InlineData("[Retry(3, Delay = 10, MaxDelay = [|5|])]", "has MaxDelay = 5, less than Delay = 10; the longest delay must not be less than the first")]
    [InlineData("[Retry(3, Delay = [|60|])]", "has MaxDelay = 30, less than Delay = 60")]
    [InlineData("[Retry(3, Backoff = [|(RetryBackoff)7|])]", "has Backoff = 7; use RetryBackoff.Exponential, Linear or Constant")]
    [InlineData("[Retry(3, OnStatus = new[] { 503, [|700|] })]", "has OnStatus 700; a status code must be from 100 to 599")]
    [InlineData("[Retry(3, OnStatus = new int[] { [|99|] })]", "has OnStatus 99; a status code must be from 100 to 599")]
    [InlineData("[Retry(3, OnStatus = new[] { 503, 502, [|503|] })]", "has OnStatus 503 twice; list each status once")]
    [InlineData("[Retry(3, OnStatus = [429, [|429|]])]", "has OnStatus 429 twice")]
    [InlineData("[Retry(3, OnStatus = [|null|])]", "has OnStatus = null; list the statuses to retry")]
    public async Task RetrySettingOutOfRange_PointsAtTheValue(string attribute, string message)
    {
        Diagnostic d = await ReportAsync("GET", attribute, "SDKN024", DiagnosticSeverity.Error);

        Assert.StartsWith("The [Retry] of 'Reserve' ", d.GetMessage());
        Assert.Contains(message, d.GetMessage());
    }

    [Theory]
    [InlineData("[Retry(0)]")]
    [InlineData("[Retry(100)]")]
    [InlineData("[Retry(3, Delay = 0)]")]
    [InlineData("[Retry(3, Delay = 3600, MaxDelay = 3600)]")]
    [InlineData("[Retry(3, Delay = 2, MaxDelay = 2, Backoff = RetryBackoff.Constant, UseJitter = false)]")]
    [InlineData("[Retry(3, Delay = 0, MaxDelay = 0.001)]")]
    [InlineData("[Retry(3, OnStatus = new[] { 100, 599 })]")]
    [InlineData("[Retry(3, OnStatus = new int[0])]")]
    public async Task RetrySettingsAtTheBoundaries_AreFine(string attribute)
        => await AssertNothingReportedAsync("GET", attribute);

    [Theory]
    [InlineData("[CircuitBreaker(FailureRatio = [|0|])]", "has FailureRatio = 0; it must be more than 0 and at most 1")]
    [InlineData("[CircuitBreaker(FailureRatio = [|1.5|])]", "has FailureRatio = 1.5; it must be more than 0 and at most 1")]
    [InlineData("[CircuitBreaker(FailureRatio = [|double.NaN|])]", "has FailureRatio = NaN")]
    [InlineData("[CircuitBreaker(MinimumThroughput = [|1|])]", "has MinimumThroughput = 1; it must be at least 2")]
    [InlineData("[CircuitBreaker(SamplingSeconds = [|0.4|])]", "has SamplingSeconds = 0.4; it must be from 0.5 to 86400 seconds (1 day)")]
    [InlineData("[CircuitBreaker(SamplingSeconds = [|86401|])]", "has SamplingSeconds = 86401; it must be from 0.5 to 86400 seconds (1 day)")]
    [InlineData("[CircuitBreaker(BreakSeconds = [|0|])]", "has BreakSeconds = 0; it must be from 0.5 to 86400 seconds (1 day)")]
    [InlineData("[CircuitBreaker(Key = [|\"\"|])]", "has Key = \"\"; leave Key out to share one breaker per host, or name the group")]
    public async Task CircuitBreakerSettingOutOfRange_PointsAtTheValue(string attribute, string message)
    {
        Diagnostic d = await ReportAsync("GET", attribute, "SDKN025", DiagnosticSeverity.Error);

        Assert.StartsWith("The [CircuitBreaker] of 'Reserve' ", d.GetMessage());
        Assert.Contains(message, d.GetMessage());
    }

    [Theory]
    [InlineData("[CircuitBreaker]")]
    [InlineData("[CircuitBreaker(FailureRatio = 1, MinimumThroughput = 2)]")]
    [InlineData("[CircuitBreaker(SamplingSeconds = 0.5, BreakSeconds = 86400, Key = \"seats\")]")]
    public async Task CircuitBreakerSettingsAtTheBoundaries_AreFine(string attribute)
        => await AssertNothingReportedAsync("GET", attribute);

    [Theory]
    [InlineData("[RateLimit([|0|], 1)]", "has permits = 0; it must be at least 1")]
    [InlineData("[RateLimit(1, [|0|])]", "has perSeconds = 0; it must be more than 0 and at most 86400 seconds (1 day)")]
    [InlineData("[RateLimit(1, [|-1|])]", "has perSeconds = -1")]
    [InlineData("[RateLimit(1, [|86400.5|])]", "has perSeconds = 86400.5")]
    [InlineData("[RateLimit(1, [|double.NaN|])]", "has perSeconds = NaN")]
    [InlineData("[RateLimit(1, 1, QueueLimit = [|-1|])]", "has QueueLimit = -1; it must be 0 or more")]
    [InlineData("[RateLimit(1, 1, Key = [|\"\"|])]", "has Key = \"\"; leave Key out to share one limiter per host, or name the group")]
    public async Task RateLimitOutOfRange_PointsAtTheValue(string attribute, string message)
    {
        Diagnostic d = await ReportAsync("GET", attribute, "SDKN026", DiagnosticSeverity.Error);

        Assert.StartsWith("The [RateLimit] of 'Reserve' ", d.GetMessage());
        Assert.Contains(message, d.GetMessage());
    }

    [Theory]
    [InlineData("[RateLimit(1, 86400, QueueLimit = 0)]")]
    [InlineData("[RateLimit(1000, 0.001, Key = \"partner\")]")]
    public async Task RateLimitsAtTheBoundaries_AreFine(string attribute)
        => await AssertNothingReportedAsync("GET", attribute);

    [Theory]
    [InlineData("[IdempotencyKey([|\"Idem Key\"|])]", "[IdempotencyKey] of 'Reserve': header name 'Idem Key' contains a character that is not allowed in a header name")]
    [InlineData("[IdempotencyKey([|\"\"|])]", "[IdempotencyKey] of 'Reserve': a header name cannot be empty")]
    public async Task InvalidIdempotencyKeyHeader_IsAnInvalidHeader_AtTheName(string attribute, string message)
    {
        Diagnostic d = await ReportAsync("POST", attribute, "SDKN019", DiagnosticSeverity.Error);

        Assert.Equal(message, d.GetMessage());
    }

    [Fact]
    public void NodeWithAResilienceError_GetsStubs()
    {
        GenerationResult result = GeneratorHarness.Generate(Usings + """
            [ApiRequest("GET", "/seats")]
            [CircuitBreaker(FailureRatio = 1.5)]
            public sealed partial class Reserve : IApiNode { }
            """);

        Assert.Empty(result.CompilationProblems);
        string generated = result.Source("Demo.Reserve.g.cs");
        Assert.Contains("NotGenerated", generated);
        Assert.DoesNotContain("CircuitBreaker", generated);
    }
}
