using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Quartz;

namespace SdkNodes.Quartz;

/// <summary>
/// Stores one one-off trigger per run, carrying the run id chosen here and the event's record as
/// JSON: every execution of the run, a recovered one included, reads both back from the trigger.
/// </summary>
internal sealed class WorkflowTrigger(
    IReadOnlyDictionary<string, WorkflowRegistration> workflows,
    SdkNodesWorkflowOptions options,
    ISchedulerFactory schedulers) : IWorkflowTrigger
{
    public Task<string> TriggerAsync(string workflow, CancellationToken cancellationToken = default)
    {
        WorkflowRegistration registration = Find(workflow);
        if (registration.DataType is not null)
        {
            throw new ArgumentException($"The workflow '{workflow}' takes a {registration.DataType.Name}: trigger it with one.", nameof(workflow));
        }

        return ScheduleAsync(registration, json: null, cancellationToken);
    }

    public Task<string> TriggerAsync<TData>(string workflow, TData data, CancellationToken cancellationToken = default)
    {
        WorkflowRegistration registration = Find(workflow);
        if (registration.DataType != typeof(TData))
        {
            string takes = registration.DataType is null ? "no data" : $"a {registration.DataType.Name}";
            throw new ArgumentException($"The workflow '{workflow}' takes {takes}, not a {typeof(TData).Name}.", nameof(data));
        }

        return ScheduleAsync(registration, JsonSerializer.Serialize(data, options.JsonSerializerOptions), cancellationToken);
    }

    private WorkflowRegistration Find(string workflow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow);
        return workflows.TryGetValue(workflow, out WorkflowRegistration? registration)
            ? registration
            : throw new ArgumentException($"No workflow named '{workflow}' is registered.", nameof(workflow));
    }

    private async Task<string> ScheduleAsync(WorkflowRegistration registration, string? json, CancellationToken cancellationToken)
    {
        string runId = Guid.NewGuid().ToString("N");
        var data = new JobDataMap { [WorkflowKeys.RunId] = runId };
        if (json is not null)
        {
            data[WorkflowKeys.Data] = json;
        }

        ITrigger trigger = TriggerBuilder.Create()
            .WithIdentity(WorkflowKeys.Run(runId))
            .ForJob(WorkflowKeys.Job(registration.Name))
            .UsingJobData(data)
            .StartNow()

            // Late (every worker busy or down past the misfire threshold) still means run it.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        IScheduler scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
        return runId;
    }
}
