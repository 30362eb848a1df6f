using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using SdkNodes.Sqlite;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Workflow;

namespace SdkNodes.Tests.History;

/// <summary>The SQLite history store: real files, queries, and a writer killed mid-stream.</summary>
public sealed class SqliteHistoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdknodes-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "history.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Runs_AndNodes_AreStored_AndQueryable()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/places/{customer}", (string customer) => customer == "c-1" ? Results.Json(new { city = "Lyon", country = "FR" }) : Results.NotFound());
            app.MapPost("/approvals/{order}", (string order) => order == "o-ok" ? Results.Ok() : Results.StatusCode(500));
        });
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
        string runId;
        using (var sink = new SqliteHistorySink(DatabasePath))
        {
            using var runtime = TestRuntime.For(server, configure: o => o.HistorySinks.Add(sink));
            await new FindPlace { Customer = "c-404" }.SendAsync(runtime, TestRuntime.Token);
            await using WorkflowRun run = runtime.StartRun("approve");
            runId = run.Id;
            await run.SendAsync(new FindPlace { Customer = "c-1" }, TestRuntime.Token);
            await run.SendAsync(new Approve { Order = "o-broken" }, TestRuntime.Token);
            await run.SendAsync(new FindPlace { Customer = "c-1" }, TestRuntime.Token);
            await run.CompleteAsync();
        }

        // A new connection to the file: what a later process would read.
        using var reader = new SqliteHistorySink(DatabasePath);
        DateTimeOffset after = DateTimeOffset.UtcNow.AddSeconds(1);
        RunHistoryRecord storedRun = Assert.Single(await reader.RunsAsync(before, after, TestRuntime.Token));
        Assert.Equal((runId, RunStatus.Aborted, "Approve", 3), (storedRun.RunId, storedRun.Status, storedRun.AbortedBy, storedRun.Nodes));

        var inRun = await reader.RunNodesAsync(runId, TestRuntime.Token);
        Assert.Equal([NodeOutcome.Succeeded, NodeOutcome.Failed, NodeOutcome.NotExecuted], inRun.Select(r => r.Outcome));
        Assert.Equal("Not executed: the run was aborted by Approve.", inRun[2].ErrorMessage);

        var failures = await reader.QueryAsync(new NodeHistoryQuery { FailuresOnly = true, From = before }, TestRuntime.Token);
        Assert.Equal(3, failures.Count);
        var places = await reader.QueryAsync(new NodeHistoryQuery { NodeName = "FindPlace" }, TestRuntime.Token);
        Assert.Equal(3, places.Count);
        Assert.Equal(404, places[^1].StatusCode);
        Assert.Equal(NodeErrorKind.Status, places[^1].ErrorKind);
        Assert.Empty(await reader.QueryAsync(new NodeHistoryQuery { To = before }, TestRuntime.Token));
    }

    [Fact]
    public async Task AWriterKilledMidStream_LosesNoAcknowledgedRecord_AndTheFileOpensCleanly()
    {
        string writer = typeof(SqliteHistoryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HistoryWriter").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(DatabasePath);
        int acknowledged = -1;
        using (Process process = Process.Start(start)!)
        {
            while (acknowledged < 300 && await process.StandardOutput.ReadLineAsync(TestRuntime.Token) is { } line)
            {
                acknowledged = int.Parse(line["ack ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestRuntime.Token);
        }

        Assert.True(acknowledged >= 300, "the writer stopped before 300 acknowledged writes");
        using (var check = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            check.Open();
            using SqliteCommand integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)integrity.ExecuteScalar());
        }

        using var sink = new SqliteHistorySink(DatabasePath);
        var records = await sink.QueryAsync(new NodeHistoryQuery { Limit = 1_000_000 }, TestRuntime.Token);
        var names = records.Select(r => r.NodeName).ToHashSet();
        for (int n = 0; n <= acknowledged; n++)
        {
            Assert.Contains($"node-{n}", names);
        }
    }
}
