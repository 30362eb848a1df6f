using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SdkNodes.Quartz;

/// <summary>
/// How <c>AddSdkNodesWorkflows</c> hosts workflows: the PostgreSQL database the cluster shares,
/// this worker's identity in it, how quickly a dead worker is noticed, and the workflows.
/// </summary>
public sealed class SdkNodesWorkflowOptions
{
    private readonly List<WorkflowRegistration> _workflows = [];

    /// <summary>
    /// The Npgsql connection string of the database that holds the cluster's schedule (Quartz's
    /// tables). Required. Every worker of one cluster names the same database.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The cluster's name: schedulers with the same name in the same database are one cluster.
    /// Default <c>"SdkNodes"</c>.
    /// </summary>
    public string ClusterName { get; set; } = "SdkNodes";

    /// <summary>
    /// This worker's id in the cluster, unique among its workers; it is what the cluster's state
    /// table shows. Default null: Quartz makes one from the host name and the start time.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// How often this worker records that it is alive. A worker that has not checked in for this
    /// plus <see cref="CheckinMisfireThreshold"/> is taken for dead, and the runs it held are run
    /// again elsewhere, so the two decide how quickly a run is recovered. Default 7.5 seconds
    /// (Quartz's own): shorter notices a dead worker sooner for more database traffic.
    /// </summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// How long past a missed check-in the other workers wait before taking a worker for dead.
    /// Keep it above the longest pause a live worker may have (a garbage collection, a database
    /// failover), or its runs are executed twice. Default 7.5 seconds (Quartz's own).
    /// </summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// How long an idle worker waits before it looks for due runs again. A run triggered from
    /// another process wakes nobody, so this is how late such a run may start on an idle cluster.
    /// Default 1 second (Quartz's own is 30 seconds, the least it allows is 1 second); each idle
    /// worker then asks the database once a second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many runs this worker executes at once. Default 10 (Quartz's own).</summary>
    public int MaxConcurrency { get; set; } = 10;

    /// <summary>
    /// Whether this process executes workflows. Default true. False makes a process that only
    /// triggers runs (a web front end): its scheduler is never started, so it acquires nothing.
    /// </summary>
    public bool ExecuteWorkflows { get; set; } = true;

    /// <summary>
    /// Whether Quartz's tables are created at start when they are missing. Default true: it only
    /// ever creates, so it is safe on every start and on several workers starting at once. Set
    /// false where the account has no right to create tables and the schema is made by hand.
    /// </summary>
    public bool CreateSchema { get; set; } = true;

    /// <summary>
    /// How trigger data (the records given to <see cref="IWorkflowTrigger.TriggerAsync{TData}"/>)
    /// is written as JSON. Default <see cref="JsonSerializerDefaults.Web"/>. Its resolver may be a
    /// source-generated context.
    /// </summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    internal IReadOnlyList<WorkflowRegistration> Workflows => _workflows;

    /// <summary>
    /// Registers a workflow under <paramref name="name"/>. With <paramref name="cron"/> (a Quartz
    /// cron expression with seconds, e.g. <c>"0/30 * * * * ?"</c>) it runs on that schedule, once
    /// across the cluster per fire time, never two of its runs at once; it can also be triggered.
    /// The workflow is built from the container for each run.
    /// </summary>
    public SdkNodesWorkflowOptions AddWorkflow<TWorkflow>(string name, string? cron = null)
        where TWorkflow : class, IWorkflow
        => Add(new WorkflowRegistration(name, typeof(TWorkflow), DataType: null, cron,
            (services, run, _, _, cancellationToken) => Resolve<TWorkflow>(services).RunAsync(run, cancellationToken)));

    /// <summary>
    /// Registers a workflow triggered with a <typeparamref name="TData"/> record under
    /// <paramref name="name"/>; runs start with <see cref="IWorkflowTrigger.TriggerAsync{TData}"/>.
    /// </summary>
    public SdkNodesWorkflowOptions AddWorkflow<TWorkflow, TData>(string name)
        where TWorkflow : class, IWorkflow<TData>
        => Add(new WorkflowRegistration(name, typeof(TWorkflow), typeof(TData), Cron: null,
            (services, run, json, jsonOptions, cancellationToken) =>
            {
                TData data = JsonSerializer.Deserialize<TData>(json ?? "null", jsonOptions)!;
                return Resolve<TWorkflow>(services).RunAsync(run, data, cancellationToken);
            }));

    private static T Resolve<T>(IServiceProvider services) where T : class
        => (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException($"The workflow {typeof(T).Name} is not registered in the container."));

    private SdkNodesWorkflowOptions Add(WorkflowRegistration registration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Name);
        if (_workflows.Exists(w => w.Name == registration.Name))
        {
            throw new ArgumentException($"A workflow named '{registration.Name}' is already registered.", nameof(registration));
        }

        _workflows.Add(registration);
        return this;
    }
}
