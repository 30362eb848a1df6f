using System;
using System.Threading.Tasks;

namespace SdkNodes.PostgreSql;

/// <summary>
/// One record waiting in the queue, with the id that makes its insert idempotent (given when it
/// is enqueued, so a retried batch inserts the same ids again) and the task its writer awaits.
/// Exactly one of <see cref="Node"/> and <see cref="Run"/> is set.
/// </summary>
internal sealed class PendingWrite
{
    private PendingWrite(NodeHistoryRecord? node, RunHistoryRecord? run)
    {
        Node = node;
        Run = run;
    }

    public Guid Id { get; } = Guid.CreateVersion7();

    public NodeHistoryRecord? Node { get; }

    public RunHistoryRecord? Run { get; }

    // Continuations run on the thread pool: the writer loop must not run callers' code inline.
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static PendingWrite ForNode(NodeHistoryRecord record) => new(record, null);

    public static PendingWrite ForRun(RunHistoryRecord record) => new(null, record);
}
