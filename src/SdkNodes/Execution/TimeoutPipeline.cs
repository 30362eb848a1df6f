using System;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;

namespace SdkNodes;

/// <summary>
/// The Polly pipeline every exchange runs in: one timeout strategy whose length each call
/// gives through its <see cref="ResilienceContext"/>, on the runtime's <see cref="TimeProvider"/>.
/// </summary>
internal static class TimeoutPipeline
{
    /// <summary>The context property that carries the node's timeout.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> TimeoutKey = new("SdkNodes.Timeout");

    public static ResiliencePipeline Create(TimeProvider timeProvider)
    {
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = static args =>
                    new ValueTask<TimeSpan>(args.Context.Properties.GetValue(TimeoutKey, TimeSpan.FromSeconds(10))),
            })
            .Build();
    }
}
