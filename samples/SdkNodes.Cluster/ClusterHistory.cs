namespace SdkNodes.Cluster;

/// <summary>Where the cluster's run history goes: PostgreSQL, the database the schedule is in.</summary>
public static class ClusterHistory
{
    public static void Configure(NodeRuntimeOptions options, string connectionString)
    {
        // Filled in when SdkNodes.PostgreSql lands.
        _ = options;
        _ = connectionString;
    }
}
