using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;

namespace SdkNodes;

/// <summary>
/// The Polly pipelines exchanges run in: one timeout strategy per timeout length, on the
/// runtime's <see cref="TimeProvider"/>. A pipeline per length (a runtime sees a handful: the
/// default and the nodes' own) rather than one reading the length from each call's context
/// properties, which cost a dictionary write and a boxed <see cref="TimeSpan"/> per call.
/// </summary>
internal sealed class TimeoutPipeline(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<TimeSpan, ResiliencePipeline> _pipelines = new();

    /// <summary>The pipeline that cancels the exchange after <paramref name="timeout"/>.</summary>
    public ResiliencePipeline For(TimeSpan timeout)
        => _pipelines.TryGetValue(timeout, out ResiliencePipeline? pipeline) ? pipeline : _pipelines.GetOrAdd(timeout, Create);

    // Through the generator, not TimeoutStrategyOptions.Timeout: Polly validates the latter
    // against its own range (10 ms to 1 day), and the runtime's options have their own checks.
    private ResiliencePipeline Create(TimeSpan timeout)
    {
        var length = new ValueTask<TimeSpan>(timeout);
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = _ => length })
            .Build();
    }
}
