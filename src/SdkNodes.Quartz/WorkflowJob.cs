using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Quartz;

namespace SdkNodes.Quartz;

/// <summary>
/// The Quartz job every workflow runs as: one durable job per workflow, which requests recovery,
/// so a run whose worker died is fired again on another worker with <see cref="IJobExecutionContext.Recovering"/>
/// set. Built per fire from the fire's scope.
/// </summary>
internal sealed class WorkflowJob(
    IReadOnlyDictionary<string, WorkflowRegistration> workflows,
    SdkNodesWorkflowOptions options,
    NodeRuntime runtime,
    IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        string name = context.JobDetail.JobDataMap.GetString(WorkflowKeys.Workflow)
            ?? throw new JobExecutionException($"The job {context.JobDetail.Key} names no workflow.");
        if (!workflows.TryGetValue(name, out WorkflowRegistration? workflow))
        {
            // A worker of an older build that lacks this workflow cannot run it. Quartz records the
            // failure and does not fire it again, so the run leaves no run record: deploy every
            // workflow to every worker of a cluster (docs/scale-out.md).
            throw new JobExecutionException($"No workflow named '{name}' is registered on this worker.");
        }

        WorkflowRun run = runtime.StartRun(name, WorkflowKeys.RunIdOf(context), recovered: context.Recovering);
        try
        {
            await workflow.Run(services, run, context.MergedJobDataMap.GetString(WorkflowKeys.Data), options.JsonSerializerOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped part way (the worker is shutting down): no run record, so the run's one
            // record comes from the execution that finishes it.
            throw;
        }
        catch (Exception ex)
        {
            // The workflow itself failed: the run ends here, with the nodes it sent.
            await run.CompleteAsync().ConfigureAwait(false);
            throw new JobExecutionException($"Workflow '{name}' run {run.Id} failed: {ex.Message}", ex);
        }

        await run.CompleteAsync().ConfigureAwait(false);
    }
}
