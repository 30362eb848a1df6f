using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// Receives exactly one <see cref="NodeHistoryRecord"/> per node execution, whatever its outcome.
/// Register sinks in <see cref="NodeRuntimeOptions.HistorySinks"/>.
/// </summary>
public interface INodeHistorySink
{
    /// <summary>Stores one record. Called after the exchange has ended, before <c>SendAsync</c> returns.</summary>
    ValueTask WriteAsync(NodeHistoryRecord record, CancellationToken cancellationToken);

    /// <summary>Stores the record of a finished workflow run. Does nothing unless the sink keeps runs.</summary>
    ValueTask WriteRunAsync(RunHistoryRecord record, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
