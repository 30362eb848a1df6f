using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>Keeps history records in memory, in the order they were written. Thread-safe.</summary>
public sealed class InMemoryHistorySink : INodeHistorySink
{
    private readonly Lock _gate = new();
    private readonly List<NodeHistoryRecord> _records = [];
    private readonly List<RunHistoryRecord> _runs = [];

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

    /// <summary>A snapshot of the workflow runs finished so far.</summary>
    public IReadOnlyList<RunHistoryRecord> Runs
    {
        get
        {
            lock (_gate)
            {
                return _runs.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public ValueTask WriteRunAsync(RunHistoryRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runs.Add(record);
        }

        return ValueTask.CompletedTask;
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
