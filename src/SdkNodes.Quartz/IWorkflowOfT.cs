using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes.Quartz;

/// <summary>
/// A workflow triggered by an event that carries a record (a purchase approved, with the
/// purchase): <see cref="IWorkflowTrigger.TriggerAsync{TData}"/> stores the record as JSON with
/// the trigger, and every execution of the run, a recovered one included, reads the same record.
/// </summary>
/// <typeparam name="TData">The event's record.</typeparam>
public interface IWorkflow<in TData>
{
    /// <summary>Runs the workflow for <paramref name="data"/>. The run is completed (its record written) when this returns.</summary>
    Task RunAsync(WorkflowRun run, TData data, CancellationToken cancellationToken);
}
