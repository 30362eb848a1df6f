using System.Text.RegularExpressions;
using Npgsql;
using SdkNodes.PostgreSql;
using SdkNodes.Samples;
using SdkNodes.Studio.Tests.Infrastructure;

namespace SdkNodes.Studio.Tests.Studio;

/// <summary>
/// <c>sdknodes studio --history CONNECTION</c> as a process over a real PostgreSQL database (the
/// server <c>SDKNODES_POSTGRES</c> names, or a throwaway one), written by the PostgreSQL sink as
/// workers would write it: the History page shows its runs and their nodes.
/// </summary>
public sealed partial class PostgreSqlHistoryPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private LocalPostgres? _server;

    public async ValueTask InitializeAsync() => _server = await LocalPostgres.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheHistoryPage_ShowsTheRunsAndNodesOfAPostgreSqlHistory_AndNamesTheDatabaseWithoutThePassword()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        string database = "sdknodes_studio_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(_server!.ConnectionString))
        {
            await admin.OpenAsync(token);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync(token);
        }

        string connectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = database, Password = "s3cret-Pa55" }.ToString();
        DateTimeOffset started = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using (var sink = new PostgreSqlHistorySink(connectionString))
        {
            await sink.WriteAsync(Node("LookUpCustomer", "run-pg-1", NodeOutcome.Succeeded, started), token);
            await sink.WriteAsync(Node("ApproveOrder", "run-pg-1", NodeOutcome.Failed, started.AddSeconds(1)), token);
            await sink.WriteRunAsync(
                new RunHistoryRecord { RunId = "run-pg-1", Name = "cluster-approval", Status = RunStatus.CompletedWithFailures, Nodes = 2, Unsuccessful = 1, StartedAt = started, Elapsed = TimeSpan.FromSeconds(2), Recovered = true },
                token);
        }

        string directory = Directory.CreateTempSubdirectory("sdknodes-studio-pg-").FullName;
        (RunningProcess studio, string address) = await RunningProcess.StartAsync(
            directory, StudioOn(), Limit, BuiltOutputs.ToolAssembly, "studio", BuiltOutputs.SampleAssembly, "--port", "0", "--history", connectionString);
        await using (studio)
        {
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            string page = await client.GetStringAsync("history", token);

            Assert.Contains("cluster-approval", page);
            Assert.Contains("LookUpCustomer", page);
            Assert.Contains("ApproveOrder", page);
            Assert.Contains($"PostgreSQL (Host=", page);
            Assert.Contains($"Database={database}", page);
            Assert.DoesNotContain("s3cret-Pa55", page);
            Assert.DoesNotContain("s3cret-Pa55", studio.Output);
        }

        Directory.Delete(directory, recursive: true);
    }

    private static NodeHistoryRecord Node(string name, string runId, NodeOutcome outcome, DateTimeOffset startedAt) => new()
    {
        NodeName = name,
        RunId = runId,
        Method = "GET",
        Url = "http://127.0.0.1/orders/1",
        Outcome = outcome,
        StatusCode = outcome == NodeOutcome.Succeeded ? 200 : 500,
        ErrorKind = outcome == NodeOutcome.Succeeded ? null : NodeErrorKind.Status,
        ErrorMessage = outcome == NodeOutcome.Succeeded ? null : "The order service failed",
        StartedAt = startedAt,
        Elapsed = TimeSpan.FromMilliseconds(40),
    };

    [GeneratedRegex(@"SdkNodes studio for .*: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex StudioOn();
}
