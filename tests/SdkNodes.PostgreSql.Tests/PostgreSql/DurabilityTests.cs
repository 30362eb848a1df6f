using System.Diagnostics;
using System.Reflection;

namespace SdkNodes.PostgreSql.Tests;

/// <summary>Every acknowledged record is in the database, whatever happens to the writer afterwards.</summary>
public sealed class DurabilityTests(PostgresServer server)
{
    [Fact]
    public async Task AWriterProcessKilledMidStream_LosesNoAcknowledgedRecord_AndDuplicatesNone()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        string database = await server.CreateDatabaseAsync();
        string writer = typeof(DurabilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PostgreSqlWriter").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(database);
        var acknowledged = new List<string>();
        using (Process process = Process.Start(start)!)
        {
            while (acknowledged.Count < 2_000 && await process.StandardOutput.ReadLineAsync(token) is { } line)
            {
                acknowledged.Add(line["ack ".Length..]);
            }

            // SIGKILL: no dispose, no flush; what was queued but not acknowledged may be lost, nothing else.
            process.Kill(entireProcessTree: true);
            acknowledged.AddRange((await process.StandardOutput.ReadToEndAsync(token)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("ack ", StringComparison.Ordinal)).Select(l => l["ack ".Length..]));
            await process.WaitForExitAsync(token);
        }

        Assert.True(acknowledged.Count >= 2_000, "the writer stopped before 2,000 acknowledged writes");
        await using var reader = new PostgreSqlHistorySink(database);
        IReadOnlyList<NodeHistoryRecord> stored = await reader.QueryAsync(new NodeHistoryQuery { Limit = int.MaxValue }, token);
        var names = stored.Select(r => r.NodeName).ToList();
        Assert.Empty(acknowledged.Except(names));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task AcknowledgedRecords_SurviveTheSinksConnectionsBeingKilled_AndLaterWritesReconnect()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        string database = await server.CreateDatabaseAsync();
        await using (var sink = new PostgreSqlHistorySink(database + ";Application Name=history-victim", new PostgreSqlHistorySinkOptions { RetryDelay = TimeSpan.FromMilliseconds(1) }))
        {
            for (int n = 0; n < 5; n++)
            {
                await sink.WriteAsync(Records.Node($"before-{n}"), token);
            }

            long killed = await Database.ScalarAsync<long>(
                server.AdminConnectionString,
                "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'history-victim') AS t");
            Assert.True(killed >= 1, "the sink had no open connection to kill");

            for (int n = 0; n < 5; n++)
            {
                await sink.WriteAsync(Records.Node($"after-{n}"), token);
            }
        }

        await using var reader = new PostgreSqlHistorySink(database);
        Assert.Equal(10, (await reader.QueryAsync(new NodeHistoryQuery(), token)).Count);
    }
}
