using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SdkNodes.PostgreSql;

namespace SdkNodes.Cluster;

/// <summary>The settings of one worker process, read from its command line.</summary>
/// <param name="Postgres">The Npgsql connection string of the cluster's database (schedule and history).</param>
/// <param name="Api">The order system's address.</param>
/// <param name="Instance">The worker's id in the cluster.</param>
/// <param name="Concurrency">How many runs it executes at once.</param>
/// <param name="Checkin">Its cluster check-in interval.</param>
/// <param name="MisfireThreshold">How long past a missed check-in the others take it for dead.</param>
public sealed record WorkerSettings(string Postgres, Uri Api, string Instance, int Concurrency, TimeSpan Checkin, TimeSpan MisfireThreshold)
{
    /// <summary>The arguments that start a worker with these settings (after the program's path).</summary>
    public IReadOnlyList<string> ToArguments() =>
    [
        "worker", "--postgres", Postgres, "--api", Api.ToString(), "--instance", Instance,
        "--concurrency", Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--checkin-ms", ((int)Checkin.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--misfire-ms", ((int)MisfireThreshold.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    /// <summary>Reads the arguments after <c>worker</c>.</summary>
    public static WorkerSettings Parse(IReadOnlyList<string> args)
    {
        string Value(string name, string? fallback = null)
        {
            int at = args.ToList().IndexOf(name);
            return at >= 0 && at + 1 < args.Count ? args[at + 1]
                : fallback ?? throw new ArgumentException($"worker: {name} is required.");
        }

        return new WorkerSettings(
            Value("--postgres"),
            new Uri(Value("--api")),
            Value("--instance"),
            int.Parse(Value("--concurrency", "10"), System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(int.Parse(Value("--checkin-ms", "2000"), System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromMilliseconds(int.Parse(Value("--misfire-ms", "2000"), System.Globalization.CultureInfo.InvariantCulture)));
    }
}

/// <summary>
/// Worker mode: a generic host with a NodeRuntime that sends to the order system (every request
/// says which worker sent it), the history on PostgreSQL (the cluster's database), and the cluster's workflows. It prints
/// <c>ready &lt;instance&gt;</c> once started, and stops when its standard input closes (the
/// process that started it is gone) or on SIGTERM/Ctrl+C; a SIGKILL is the point of the demo.
/// </summary>
public static class WorkerHost
{
    /// <summary>The header each request carries with the id of the worker that sent it.</summary>
    public const string WorkerHeader = "X-Worker";

    public static async Task<int> RunAsync(WorkerSettings settings)
    {
        // Outlives the host: disposed after it, when the last run has finished, so what is still
        // queued is committed. Every record a node's SendAsync returned after is committed already.
        await using var history = new PostgreSqlHistorySink(settings.Postgres);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();

        // Warnings and errors only, on standard error: standard output carries the ready line.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSdkNodes(o =>
        {
            o.BaseAddress = settings.Api;
            o.DefaultHeaders[WorkerHeader] = settings.Instance;
            o.HistorySinks.Add(history);
        });
        builder.Services.AddSdkNodesWorkflows(o =>
        {
            o.ConnectionString = settings.Postgres;
            o.InstanceId = settings.Instance;
            o.MaxConcurrency = settings.Concurrency;
            o.CheckinInterval = settings.Checkin;
            o.CheckinMisfireThreshold = settings.MisfireThreshold;
            o.AddClusterWorkflows();
        });
        using IHost host = builder.Build();
        await host.StartAsync();
        Console.WriteLine($"ready {settings.Instance}");

        IHostApplicationLifetime lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        _ = Task.Run(async () =>
        {
            await Console.In.ReadToEndAsync();
            lifetime.StopApplication();
        });
        await host.WaitForShutdownAsync();
        return 0;
    }
}
