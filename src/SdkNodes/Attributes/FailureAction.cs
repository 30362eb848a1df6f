namespace SdkNodes;

/// <summary>What the workflow does when a node fails or times out.</summary>
public enum FailureAction
{
    /// <summary>The workflow goes on; values read from this node's output are skipped.</summary>
    Continue = 0,

    /// <summary>The workflow ends at this node; <see cref="NodeAbortedException"/> is thrown.</summary>
    Abort = 1,
}
