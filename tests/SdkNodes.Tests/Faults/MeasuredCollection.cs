namespace SdkNodes.Tests.Faults;

/// <summary>
/// Tests that measure the whole process (memory, sockets, unobserved task exceptions) run in
/// this collection: after the parallel tests, one at a time, so nothing else moves the figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredCollection
{
    public const string Name = "Measured (not in parallel)";
}
