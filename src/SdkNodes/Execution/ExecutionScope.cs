namespace SdkNodes;

/// <summary>Where an execution happens: alone, or in a workflow run that may already be aborted.</summary>
/// <param name="RunId">The run's id, recorded in history; null for a node sent on its own.</param>
/// <param name="ThrowOnAbort">True alone: an Abort failure throws. A run records the abort instead.</param>
/// <param name="NotRun">Why the node must not run (an aborted run, a skipped input); null to run it.</param>
/// <param name="KeepRawBody">True to keep the body text whatever the runtime's <see cref="RawBodyRetention"/>, and a binary body's exact bytes (<see cref="NodeResult.RawBodyBytes"/>): the Test API shows and saves it.</param>
/// <param name="Position">The node's position in its run (1 for the first node sent through it); 0 alone. Part of the idempotency key.</param>
/// <param name="SentRequest">Where the Test API wants the request that was sent (redacted as in history); null otherwise.</param>
internal readonly record struct ExecutionScope(string? RunId, bool ThrowOnAbort, NodeError? NotRun, bool KeepRawBody = false, int Position = 0, SentRequestHolder? SentRequest = null)
{
    public static ExecutionScope Alone => new(null, ThrowOnAbort: true, NotRun: null);
}
