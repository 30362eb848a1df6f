namespace SdkNodes.Tool.Studio;

/// <summary><c>sdknodes studio</c>: checks the settings, serves the page on 127.0.0.1, prints its address and runs until Ctrl+C.</summary>
internal static class StudioCommand
{
    public static async Task<int> RunAsync(StudioSettings settings, TextWriter output)
    {
        if (settings.HistoryPath is { } history && !File.Exists(history))
        {
            throw new ToolException($"--history: no file at '{Path.GetFullPath(history)}'. Give a SQLite history written by SdkNodes (SqliteHistorySink), or leave the option out to keep this session's history in memory.");
        }

        IReadOnlyList<NodeDescriptor> nodes = NodeAssembly.Load(settings.AssemblyPath);
        StudioServer server;
        try
        {
            server = await StudioServer.StartAsync(settings, nodes);
        }
        catch (IOException ex)
        {
            throw new ToolException($"--port {settings.Port}: the studio could not listen on 127.0.0.1:{settings.Port} ({ex.Message}). Use another port, or --port 0 for a free one.");
        }

        await using (server)
        {
            await output.WriteLineAsync($"SdkNodes studio for {Path.GetFileName(settings.AssemblyPath)} ({nodes.Count} nodes): {server.Address}");
            await output.WriteLineAsync("Press Ctrl+C to stop.");
            await output.FlushAsync();
            await server.WaitForShutdownAsync();
        }

        return 0;
    }
}
