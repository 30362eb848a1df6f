using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Generation;

/// <summary>
/// The resilience attributes in the generated descriptor: the attributes' documented defaults
/// where an argument is left out, and nothing at all where an attribute is left out. The full
/// shape is pinned by the ReserveSeat snapshot.
/// </summary>
public class ResilienceGenerationTests
{
    private static string Generate(string attributes)
    {
        GenerationResult result = GeneratorHarness.Generate($$"""
            using SdkNodes; namespace Demo;
            [ApiRequest("PUT", "/seats")]
            {{attributes}}
            public sealed partial class Reserve : IApiNode { }
            """);
        Assert.Empty(result.CompilationProblems);
        return result.Source("Demo.Reserve.g.cs");
    }

    [Fact]
    public void NodeWithoutResilienceAttributes_EmitsNoResilienceSettings()
    {
        string generated = Generate(string.Empty);

        Assert.DoesNotContain("Retry", generated);
        Assert.DoesNotContain("IdempotencyKeyHeader", generated);
        Assert.DoesNotContain("CircuitBreaker", generated);
        Assert.DoesNotContain("RateLimit", generated);
    }

    [Fact]
    public void RetryWithOnlyTheCount_EmitsTheAttributesDefaults()
    {
        string generated = Generate("[Retry(2)]");

        Assert.Contains("""
                    Retry = new global::SdkNodes.RetrySettings
                    {
                        Retries = 2,
                        Delay = global::System.TimeSpan.FromTicks(10000000L),
                        Backoff = global::SdkNodes.RetryBackoff.Exponential,
                        MaxDelay = global::System.TimeSpan.FromTicks(300000000L),
                        UseJitter = true,
                        OnStatus = new int[] { 408, 429, 500, 502, 503, 504 },
                    },
        """, generated.Replace("\r\n", "\n"));
    }

    [Fact]
    public void RetryOfZero_IsEmitted_SoTheRuntimesDefaultRetryIsOff()
        => Assert.Contains("Retries = 0,", Generate("[Retry(0, OnStatus = new int[0])]"));

    [Fact]
    public void RetryWithNoStatuses_EmitsAnEmptyArray()
        => Assert.Contains("OnStatus = global::System.Array.Empty<int>(),", Generate("[Retry(1, OnStatus = new int[0])]"));

    [Fact]
    public void IdempotencyKeyWithoutAName_UsesTheIdempotencyKeyHeader()
        => Assert.Contains("IdempotencyKeyHeader = \"Idempotency-Key\",", Generate("[IdempotencyKey]"));

    [Fact]
    public void IdempotencyKeyWithAName_UsesThatHeader()
        => Assert.Contains("IdempotencyKeyHeader = \"X-Request-Id\",", Generate("[IdempotencyKey(\"X-Request-Id\")]"));

    [Fact]
    public void CircuitBreakerWithoutArguments_EmitsTheAttributesDefaults()
    {
        string generated = Generate("[CircuitBreaker]");

        Assert.Contains("""
                    CircuitBreaker = new global::SdkNodes.CircuitBreakerSettings
                    {
                        FailureRatio = 0.5,
                        MinimumThroughput = 10,
                        SamplingDuration = global::System.TimeSpan.FromTicks(300000000L),
                        BreakDuration = global::System.TimeSpan.FromTicks(300000000L),
                        Key = null,
                    },
        """, generated.Replace("\r\n", "\n"));
    }

    [Fact]
    public void WholeFailureRatio_IsWrittenAsADoubleLiteral()
        => Assert.Contains("FailureRatio = 1.0,", Generate("[CircuitBreaker(FailureRatio = 1)]"));

    [Fact]
    public void RateLimit_EmitsTheWindowAndTheDefaultQueueLimit()
    {
        string generated = Generate("[RateLimit(2, 0.25)]");

        Assert.Contains("""
                    RateLimit = new global::SdkNodes.RateLimitSettings
                    {
                        Permits = 2,
                        Window = global::System.TimeSpan.FromTicks(2500000L),
                        Key = null,
                        QueueLimit = 1000,
                    },
        """, generated.Replace("\r\n", "\n"));
    }
}
