namespace SdkNodes;

/// <summary>How one execution of a node ended.</summary>
public enum NodeOutcome
{
    /// <summary>The server answered with a success code and the body was read.</summary>
    Succeeded = 0,

    /// <summary>The request failed: see <see cref="NodeResult.Error"/>.</summary>
    Failed = 1,

    /// <summary>The whole exchange took longer than the node's timeout.</summary>
    TimedOut = 2,

    /// <summary>The node was not run because an earlier node aborted the workflow.</summary>
    NotExecuted = 3,

    /// <summary>The node was not run because an input it needs was skipped.</summary>
    Skipped = 4,

    /// <summary>The caller cancelled the request; <see cref="System.OperationCanceledException"/> was thrown.</summary>
    Cancelled = 5,
}
