using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes.Quartz;

/// <summary>
/// One registered workflow. <paramref name="Run"/> resolves the workflow from the run's scope and
/// calls it with the trigger's JSON data read back as the workflow's type: built where the types
/// are known (AddWorkflow), so nothing is looked up by reflection when a run fires.
/// </summary>
internal sealed record WorkflowRegistration(
    string Name,
    Type WorkflowType,
    Type? DataType,
    string? Cron,
    Func<IServiceProvider, WorkflowRun, string?, JsonSerializerOptions, CancellationToken, Task> Run);
