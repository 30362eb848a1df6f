using System.Linq;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Emitting;

internal static partial class NodeEmitter
{
    // [Retry], [IdempotencyKey], [CircuitBreaker] and [RateLimit] as descriptor settings. An
    // absent attribute writes nothing, so the runtime's defaults (and DefaultRetry) apply.
    private static void WriteResilience(SourceWriter writer, NodeModel node)
    {
        if (node.Retry is { } retry)
        {
            writer.OpenBlock($"Retry = new {Runtime}.RetrySettings");
            writer.WriteLine($"Retries = {CSharpLiteral.Int(retry.Retries)},");
            writer.WriteLine($"Delay = {FromTicks(retry.DelayTicks)},");
            writer.WriteLine($"Backoff = {Runtime}.RetryBackoff.{retry.Backoff},");
            writer.WriteLine($"MaxDelay = {FromTicks(retry.MaxDelayTicks)},");
            writer.WriteLine($"UseJitter = {CSharpLiteral.Bool(retry.UseJitter)},");
            writer.WriteLine(retry.OnStatus.Count == 0
                ? "OnStatus = global::System.Array.Empty<int>(),"
                : $"OnStatus = new int[] {{ {string.Join(", ", retry.OnStatus.Select(CSharpLiteral.Int))} }},");
            writer.CloseBlock(",");
        }

        if (node.IdempotencyKeyHeader is { } header)
        {
            writer.WriteLine($"IdempotencyKeyHeader = {CSharpLiteral.String(header)},");
        }

        if (node.CircuitBreaker is { } breaker)
        {
            writer.OpenBlock($"CircuitBreaker = new {Runtime}.CircuitBreakerSettings");
            writer.WriteLine($"FailureRatio = {CSharpLiteral.Double(breaker.FailureRatio)},");
            writer.WriteLine($"MinimumThroughput = {CSharpLiteral.Int(breaker.MinimumThroughput)},");
            writer.WriteLine($"SamplingDuration = {FromTicks(breaker.SamplingTicks)},");
            writer.WriteLine($"BreakDuration = {FromTicks(breaker.BreakTicks)},");
            writer.WriteLine($"Key = {CSharpLiteral.String(breaker.Key)},");
            writer.CloseBlock(",");
        }

        if (node.RateLimit is { } limit)
        {
            writer.OpenBlock($"RateLimit = new {Runtime}.RateLimitSettings");
            writer.WriteLine($"Permits = {CSharpLiteral.Int(limit.Permits)},");
            writer.WriteLine($"Window = {FromTicks(limit.WindowTicks)},");
            writer.WriteLine($"Key = {CSharpLiteral.String(limit.Key)},");
            writer.WriteLine($"QueueLimit = {CSharpLiteral.Int(limit.QueueLimit)},");
            writer.CloseBlock(",");
        }
    }

    private static string FromTicks(long ticks) => $"global::System.TimeSpan.FromTicks({CSharpLiteral.Long(ticks)})";
}
