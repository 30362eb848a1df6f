namespace SdkNodes.Tests.Infrastructure;

/// <summary>Builds runtimes aimed at a loopback server.</summary>
public static class TestRuntime
{
    /// <summary>A runtime whose base address is <paramref name="server"/>, with the given history sinks and clock.</summary>
    public static NodeRuntime For(
        LoopbackServer server,
        InMemoryHistorySink? history = null,
        TimeProvider? time = null,
        Action<NodeRuntimeOptions>? configure = null)
    {
        var options = new NodeRuntimeOptions { BaseAddress = server.BaseAddress };
        if (history is not null)
        {
            options.HistorySinks.Add(history);
        }

        if (time is not null)
        {
            options.TimeProvider = time;
        }

        configure?.Invoke(options);
        return new NodeRuntime(options);
    }

    /// <summary>The test's cancellation token: stops a hung test when the run is cancelled.</summary>
    public static CancellationToken Token => TestContext.Current.CancellationToken;
}
