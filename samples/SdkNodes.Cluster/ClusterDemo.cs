namespace SdkNodes.Cluster;

/// <summary>The demo (written once the history store lands).</summary>
public static class ClusterDemo
{
    public static Task<int> RunAsync(string[] args)
    {
        _ = args;
        return Task.FromResult(0);
    }
}
