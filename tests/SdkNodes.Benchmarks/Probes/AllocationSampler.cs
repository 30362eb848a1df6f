using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace SdkNodes.Benchmarks.Probes;

/// <summary>
/// Counts the runtime's allocation-tick events (one about every 100 KB allocated, naming the
/// type that crossed the mark) by type: over many calls, a fair picture of what a call allocates.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _samplesByType = new();

    public void Print()
    {
        foreach ((string type, long samples) in _samplesByType.OrderByDescending(pair => pair.Value).Take(40))
        {
            Console.WriteLine($"{samples,7} {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true
            && eventData.PayloadNames?.IndexOf("TypeName") is int index and >= 0)
        {
            _samplesByType.AddOrUpdate(eventData.Payload?[index]?.ToString() ?? "?", 1, (_, count) => count + 1);
        }
    }
}
