using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes.Quartz;

/// <summary>
/// Starts workflow runs from events: each call stores one trigger in the cluster's job store,
/// and one worker runs it. Resolve it from the container that called <c>AddSdkNodesWorkflows</c>.
/// </summary>
public interface IWorkflowTrigger
{
    /// <summary>Triggers one run of the <see cref="IWorkflow"/> registered as <paramref name="workflow"/>.</summary>
    /// <returns>The run's id, which its history records carry (and keep through a recovery).</returns>
    /// <exception cref="System.ArgumentException">No workflow is registered under that name, or it takes data.</exception>
    Task<string> TriggerAsync(string workflow, CancellationToken cancellationToken = default);

    /// <summary>
    /// Triggers one run of the <see cref="IWorkflow{TData}"/> registered as <paramref name="workflow"/>,
    /// with <paramref name="data"/> serialized as JSON into the trigger.
    /// </summary>
    /// <returns>The run's id, which its history records carry (and keep through a recovery).</returns>
    /// <exception cref="System.ArgumentException">No workflow is registered under that name, or it takes another type of data.</exception>
    Task<string> TriggerAsync<TData>(string workflow, TData data, CancellationToken cancellationToken = default);
}
