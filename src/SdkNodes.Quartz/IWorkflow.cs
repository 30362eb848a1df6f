using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes.Quartz;

/// <summary>
/// A workflow: nodes sent through one <see cref="WorkflowRun"/>. Registered by name with
/// <c>AddSdkNodesWorkflows</c>, it runs on a cron schedule or once per trigger, on whichever
/// worker of the cluster acquires it. It may run again on another worker when the one running it
/// dies: the run then has the same <see cref="WorkflowRun.Id"/> and <see cref="WorkflowRun.Recovered"/>
/// is true, so nodes with <c>[IdempotencyKey]</c> send the keys they sent the first time.
/// </summary>
public interface IWorkflow
{
    /// <summary>Runs the workflow. The run is completed (its record written) when this returns.</summary>
    Task RunAsync(WorkflowRun run, CancellationToken cancellationToken);
}
