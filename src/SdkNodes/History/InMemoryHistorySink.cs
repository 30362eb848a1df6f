using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>Keeps history records in memory, in the order they were written. Thread-safe.</summary>
public sealed class InMemoryHistorySink : INodeHistorySink
{
    private readonly Lock _gate = new();
    private readonly List<NodeHistoryRecord> _records = [];

    /// <summary>A snapshot of the records written so far.</summary>
    public IReadOnlyList<NodeHistoryRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return _records.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(NodeHistoryRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.Add(record);
        }

        return ValueTask.CompletedTask;
    }
}
