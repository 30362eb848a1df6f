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
    /// The run id of a firing. A one-off trigger carries the id chosen when it was triggered (a
    /// recovery trigger carries the original's data). A scheduled fire has none stored (the cron
    /// trigger's data is shared by all its fires), so its id is derived from the original trigger
    /// and the time the fire was scheduled for: Quartz's recovery trigger names both in its data,
    /// so a recovered fire gets the same id, and with it the same idempotency keys.
    /// </summary>
    public static string RunIdOf(IJobExecutionContext context)
    {
        JobDataMap data = context.MergedJobDataMap;
        if (data.GetString(RunId) is { Length: > 0 } stored)
        {
            return stored;
        }

        TriggerKey original = context.RecoveringTriggerKey ?? context.Trigger.Key;

        // The recovery trigger itself fires later (it is a misfired one-shot fired now), so its own
        // scheduled time is not the original's.
        DateTimeOffset scheduled = context.Recovering && data.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime) is { Length: > 0 } text
            ? ParseTime(text)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;

        // Whole seconds: a cron schedule's resolution, and all that the stored original keeps.
        string source = $"{context.JobDetail.Key}\n{original}\n{scheduled.ToUnixTimeSeconds()}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source))[..16]);
    }

    private static DateTimeOffset ParseTime(string text)
    {
        if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long number))
        {
            // Milliseconds since 1970, or .NET ticks.
            return number > 100_000_000_000_000L ? new DateTimeOffset(number, TimeSpan.Zero) : DateTimeOffset.FromUnixTimeMilliseconds(number);
        }

        return DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
    }
}
