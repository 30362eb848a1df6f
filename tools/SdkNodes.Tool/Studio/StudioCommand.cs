namespace SdkNodes.Tool.Studio;

/// <summary><c>sdknodes studio</c>: checks the settings, serves the page on 127.0.0.1, prints its address and runs until Ctrl+C.</summary>
internal static class StudioCommand
{
    public static async Task<int> RunAsync(StudioSettings settings, TextWriter output)
    {
        // A SQLite path must name an existing history (opening would create an empty one); a
        // PostgreSQL database is checked by connecting, when the server starts.
        if (settings.HistoryPath is { } history && !HistoryLocation.IsPostgreSql(history) && !File.Exists(history))
        {
            throw new ToolException($"--history: no file at '{Path.GetFullPath(history)}'. Give a SQLite history written by SdkNodes (SqliteHistorySink), a PostgreSQL connection string (Host=...; or postgres://...), or leave the option out to keep this session's history in memory.");
        }

        if (settings.HistoryPath is { } database && HistoryLocation.IsPostgreSql(database))
        {
            try
            {
                _ = HistoryLocation.ToConnectionString(database);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                // The messages name the key or the part that is wrong, never the values (a password).
                throw new ToolException($"--history: not a PostgreSQL connection string or URL that Npgsql reads ({ex.Message}).");
            }
        }

        IReadOnlyList<NodeDescriptor> nodes = NodeAssembly.Load(settings.AssemblyPath);
        StudioServer server;
        try
        {
            server = await StudioServer.StartAsync(settings, nodes);
        }
        catch (SdkNodes.PostgreSql.PostgreSqlHistoryException ex)
        {
            // The message names host, port and database only, never the password.
            throw new ToolException($"--history: {ex.Message}");
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
