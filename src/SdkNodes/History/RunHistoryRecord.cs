using System;

namespace SdkNodes;

/// <summary>One finished workflow run, as the run history keeps it.</summary>
public sealed record RunHistoryRecord
{
    /// <summary>The run's id, shared by the history records of its nodes.</summary>
    public required string RunId { get; init; }

    /// <summary>The run's name, as given to <see cref="NodeRuntime.StartRun(string)"/>.</summary>
    public required string Name { get; init; }

    /// <summary>How the run ended.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>The node that aborted the run, or null.</summary>
    public string? AbortedBy { get; init; }

    /// <summary>How many nodes were sent through the run, executed or not.</summary>
    public int Nodes { get; init; }

    /// <summary>How many of them did not succeed (failed, timed out, skipped or not executed).</summary>
    public int Unsuccessful { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long the run took, from its start to its completion.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when the run was executed again after the worker running it died (see <see cref="WorkflowRun.Recovered"/>).</summary>
    public bool Recovered { get; init; }
}

/// <summary>How a workflow run ended.</summary>
public enum RunStatus
{
    /// <summary>Every node succeeded.</summary>
    Completed,

    /// <summary>Some nodes failed or were skipped under <see cref="FailureAction.Continue"/>; the run went on.</summary>
    CompletedWithFailures,

    /// <summary>A node failed under <see cref="FailureAction.Abort"/>; the nodes after it did not run.</summary>
    Aborted,
}
