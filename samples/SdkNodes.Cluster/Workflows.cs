using SdkNodes;
using SdkNodes.Quartz;

namespace SdkNodes.Cluster;

/// <summary>When a purchase is approved: reserve the stock, charge, ship, in that order.</summary>
public sealed class PurchaseWorkflow : IWorkflow<PurchaseApproved>
{
    public async Task RunAsync(WorkflowRun run, PurchaseApproved purchase, CancellationToken cancellationToken)
    {
        await run.SendAsync(new ReserveStock { Purchase = purchase, RunId = run.Id }, cancellationToken);
        await run.SendAsync(new ChargePayment { Purchase = purchase, RunId = run.Id }, cancellationToken);
        await run.SendAsync(new RequestShipment { Purchase = purchase, RunId = run.Id }, cancellationToken);
    }
}

/// <summary>Regularly pulls the order system's changes.</summary>
public sealed class OrderSyncWorkflow : IWorkflow
{
    public async Task RunAsync(WorkflowRun run, CancellationToken cancellationToken)
        => await run.SendAsync(new PullOrderChanges { RunId = run.Id }, cancellationToken);
}

/// <summary>The workflows every process of the cluster registers, the worker and the one that triggers alike.</summary>
public static class ClusterWorkflows
{
    /// <summary>The event-triggered workflow.</summary>
    public const string Purchase = "purchase-approved";

    /// <summary>The scheduled workflow.</summary>
    public const string OrderSync = "order-sync";

    /// <summary>Every 10 seconds: often enough to see it fire during the demo.</summary>
    public const string OrderSyncCron = "0/10 * * * * ?";

    public static SdkNodesWorkflowOptions AddClusterWorkflows(this SdkNodesWorkflowOptions options)
        => options
            .AddWorkflow<PurchaseWorkflow, PurchaseApproved>(Purchase)
            .AddWorkflow<OrderSyncWorkflow>(OrderSync, cron: OrderSyncCron);
}
