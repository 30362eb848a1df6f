namespace SdkNodes.Quartz.Tests;

/// <summary>
/// The tests that start worker processes run in this collection: after the parallel tests, one
/// at a time, since the workers need the machine's cores and the throughput figures mean nothing
/// while another test's workers run beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster (not in parallel)";
}
