using System;
using System.Security.Cryptography;
using System.Text;
using Quartz;

namespace SdkNodes.Quartz;

/// <summary>The names SdkNodes gives its Quartz jobs, triggers and job data, and how a run's id is found.</summary>
internal static class WorkflowKeys
{
    /// <summary>Job data (on the job): the workflow's name.</summary>
    public const string Workflow = "sdknodes.workflow";

    /// <summary>Job data (on a one-off trigger): the run id chosen when it was triggered.</summary>
    public const string RunId = "sdknodes.run-id";

    /// <summary>Job data (on a one-off trigger): the event's record as JSON.</summary>
    public const string Data = "sdknodes.data";

    private const string JobGroup = "sdknodes";
    private const string RunGroup = "sdknodes-runs";
    private const string ScheduleGroup = "sdknodes-schedules";

    public static JobKey Job(string workflow) => new(workflow, JobGroup);

    public static TriggerKey Run(string runId) => new(runId, RunGroup);

    public static TriggerKey Schedule(string workflow) => new(workflow, ScheduleGroup);

    /// <summary>
    /// The run id of a firing. A one-off trigger carries the id chosen when it was triggered. A
    /// scheduled fire has none stored (the cron trigger's data is shared by all its fires), so its
    /// id is derived from the original trigger and the fire time it was scheduled for: a recovered
    /// fire keeps both (Quartz's recovery trigger is scheduled for the original fire time), so it
    /// gets the same id, and with it the same idempotency keys.
    /// </summary>
    public static string RunIdOf(IJobExecutionContext context)
    {
        if (context.MergedJobDataMap.GetString(RunId) is { Length: > 0 } stored)
        {
            return stored;
        }

        TriggerKey original = context.RecoveringTriggerKey ?? context.Trigger.Key;
        DateTimeOffset scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        string source = $"{context.JobDetail.Key}\n{original}\n{scheduled.UtcTicks}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source))[..16]);
    }
}
