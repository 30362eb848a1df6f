namespace SdkNodes;

/// <summary>What <see cref="INodeHistoryStore.PurgeAsync"/> deleted.</summary>
/// <param name="NodeRecords">How many node records were deleted.</param>
/// <param name="Runs">How many workflow runs were deleted.</param>
public readonly record struct HistoryPurgeResult(long NodeRecords, long Runs);
