namespace SdkNodes.Benchmarks.Runtime;

/// <summary>
/// A history sink that counts records instead of keeping them. InMemoryHistorySink has no way
/// to clear its records, so over millions of benchmark calls it would grow without bound (and
/// its list growth would be charged to SdkNodes); the runtime still builds every record
/// (redacted URL and headers, outcome, timing) and hands it to this sink.
/// </summary>
public sealed class CountingHistorySink : INodeHistorySink
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public ValueTask WriteAsync(NodeHistoryRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.CompletedTask;
    }
}
