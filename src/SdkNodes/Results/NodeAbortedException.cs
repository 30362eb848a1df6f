using System;

namespace SdkNodes;

/// <summary>
/// Thrown by <c>SendAsync</c> when a node whose failure action is <see cref="FailureAction.Abort"/>
/// fails or times out. The history record has already been written.
/// </summary>
public sealed class NodeAbortedException : Exception
{
    /// <summary>Creates the exception for a failed result.</summary>
    public NodeAbortedException(NodeResult result)
        : base($"Node '{result.NodeName}' {(result.Outcome == NodeOutcome.TimedOut ? "timed out" : "failed")} and aborts the workflow: {result.Error?.Message}")
    {
        Result = result;
    }

    /// <summary>The failed result, with its error.</summary>
    public NodeResult Result { get; }
}
