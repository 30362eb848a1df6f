using SdkNodes.Cluster;

// dotnet run --project samples/SdkNodes.Cluster -- [--workers 3] [--postgres "connection string"]
//   the demo: PostgreSQL, a loopback order system, N workers (this program in worker mode), runs
//   triggered, one worker killed, its runs recovered, the history summed up; exits 0 when the
//   story checks out.
// dotnet SdkNodes.Cluster.dll worker --postgres ... --api ... --instance ...
//   one worker of the cluster (what the demo and the multi-process test start).
if (args.Length > 0 && args[0] == "worker")
{
    return await WorkerHost.RunAsync(WorkerSettings.Parse(args[1..]));
}

return await ClusterDemo.RunAsync(args);
