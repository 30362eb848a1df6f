using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using SdkNodes;
using SdkNodes.Quartz;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Hosts SdkNodes workflows on a Quartz.NET cluster (Microsoft.Extensions.Hosting).</summary>
public static class SdkNodesWorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the workflows <paramref name="configure"/> adds, a Quartz scheduler whose job
    /// store is the PostgreSQL database of <see cref="SdkNodesWorkflowOptions.ConnectionString"/>
    /// (clustered, its tables created when missing, job data as JSON), the hosted service that
    /// starts and stops it with the host, <see cref="IWorkflowTrigger"/>, and a
    /// <see cref="NodeRuntime"/> (<c>AddSdkNodes()</c>) when none is registered yet.
    /// </summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    /// <exception cref="InvalidOperationException">It was called before on this collection.</exception>
    public static IServiceCollection AddSdkNodesWorkflows(this IServiceCollection services, Action<SdkNodesWorkflowOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        // One scheduler per container: a second call would register a second, unkeyed one.
        if (services.Any(d => d.ServiceType == typeof(SdkNodesWorkflowOptions)))
        {
            throw new InvalidOperationException("AddSdkNodesWorkflows was already called: register every workflow in one call.");
        }

        // Read now, not as IOptions later: the workflows decide which jobs and triggers Quartz stores.
        var options = new SdkNodesWorkflowOptions();
        configure(options);
        Validate(options);
        IReadOnlyDictionary<string, WorkflowRegistration> workflows = options.Workflows.ToDictionary(w => w.Name, StringComparer.Ordinal);

        if (!services.Any(d => d.ServiceType == typeof(NodeRuntime)))
        {
            services.AddSdkNodes();
        }

        services.AddSingleton(options);
        services.AddSingleton(workflows);
        services.TryAddSingleton<IWorkflowTrigger, WorkflowTrigger>();
        foreach (WorkflowRegistration workflow in options.Workflows)
        {
            services.TryAddTransient(workflow.WorkflowType);
        }

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = options.ClusterName;
                scheduler.IdleWaitTime = options.PollInterval;
                if (options.InstanceId is not null)
                {
                    scheduler.InstanceId = options.InstanceId;
                }
            });
            quartz.UseDefaultThreadPool(options.MaxConcurrency);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(options.ConnectionString!);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = options.CheckinInterval;
                    cluster.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
                });
                if (options.CreateSchema)
                {
                    store.ProvisionSchema();
                }
            });

            foreach (WorkflowRegistration workflow in options.Workflows)
            {
                quartz.AddJob<WorkflowJob>(job => job
                    .WithIdentity(WorkflowKeys.Job(workflow.Name))
                    .UsingJobData(WorkflowKeys.Workflow, workflow.Name)

                    // Durable: one-off triggers come and go, the job stays for the next one.
                    .StoreDurably()

                    // The point of the cluster: a run whose worker died is fired again elsewhere.
                    .RequestRecovery()

                    // A scheduled workflow never overlaps itself (a slow run and the next fire);
                    // triggered runs are independent events and run side by side.
                    .DisallowConcurrentExecution(workflow.Cron is not null));
                if (workflow.Cron is { } cron)
                {
                    quartz.AddTrigger(trigger => trigger
                        .WithIdentity(WorkflowKeys.Schedule(workflow.Name))
                        .ForJob(WorkflowKeys.Job(workflow.Name))
                        .WithCronSchedule(cron));
                }
            }
        });
        services.AddQuartzHostedService(hosted =>
        {
            // A worker that is stopped finishes the runs it holds; one that is killed has them recovered.
            hosted.WaitForJobsToComplete = true;
            hosted.AutoStart = options.ExecuteWorkflows;
        });
        return services;
    }

    private static void Validate(SdkNodesWorkflowOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("SdkNodesWorkflowOptions.ConnectionString is required: the PostgreSQL database the cluster shares.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ClusterName))
        {
            throw new ArgumentException("SdkNodesWorkflowOptions.ClusterName must not be empty.", nameof(options));
        }

        if (options.MaxConcurrency < 1)
        {
            throw new ArgumentException($"SdkNodesWorkflowOptions.MaxConcurrency must be at least 1, not {options.MaxConcurrency}.", nameof(options));
        }

        if (options.PollInterval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"SdkNodesWorkflowOptions.PollInterval must be at least 1 second (Quartz's least), not {options.PollInterval}.", nameof(options));
        }

        if (options.CheckinInterval <= TimeSpan.Zero || options.CheckinMisfireThreshold <= TimeSpan.Zero)
        {
            throw new ArgumentException("SdkNodesWorkflowOptions.CheckinInterval and CheckinMisfireThreshold must be positive.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.JsonSerializerOptions);
    }
}
