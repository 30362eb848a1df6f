namespace SdkNodes.PostgreSql.Tests;

/// <summary>The tables are created when a sink starts, once, whoever starts first.</summary>
public sealed class SchemaTests(PostgresServer server)
{
    private const string Shape = """
        SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns WHERE table_name LIKE 'sdknodes_%'
        UNION ALL SELECT indexdef FROM pg_indexes WHERE tablename LIKE 'sdknodes_%'
        UNION ALL SELECT 'version ' || version FROM sdknodes_schema_version
        ORDER BY 1
        """;

    [Fact]
    public async Task ANewDatabase_GetsTheTables_TheQueryIndexes_AndTheCurrentVersion()
    {
        string database = await server.CreateDatabaseAsync();

        await using (new PostgreSqlHistorySink(database))
        {
        }

        List<string> shape = await Database.LinesAsync(database, Shape);
        Assert.Contains("version 2", shape);
        Assert.Contains("sdknodes_node_records.request_headers jsonb NO", shape);
        Assert.Contains("sdknodes_node_records.attempt_log jsonb NO", shape);
        Assert.Contains("sdknodes_node_records.started_at timestamp with time zone NO", shape);
        Assert.Contains("sdknodes_runs.recovered boolean NO", shape);
        foreach (string index in new[] { "(started_at, seq)", "(node, started_at)", "(run_id, seq)", "(outcome, started_at)" })
        {
            Assert.Contains(shape, line => line.StartsWith("CREATE INDEX", StringComparison.Ordinal) && line.EndsWith(index, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task StartingAgain_ChangesNothing_AndKeepsTheRows()
    {
        string database = await server.CreateDatabaseAsync();
        await using (var first = new PostgreSqlHistorySink(database))
        {
            await first.WriteAsync(Records.Node(), TestContext.Current.CancellationToken);
        }

        List<string> before = await Database.LinesAsync(database, Shape);
        await using (new PostgreSqlHistorySink(database))
        {
        }

        Assert.Equal(before, await Database.LinesAsync(database, Shape));
        Assert.Equal(1L, await Database.ScalarAsync<long>(database, "SELECT COUNT(*) FROM sdknodes_node_records"));
        Assert.Equal(1L, await Database.ScalarAsync<long>(database, "SELECT COUNT(*) FROM sdknodes_schema_version"));
    }

    [Fact]
    public async Task AVersion1Database_IsMigrated_OldRowsReadAnEmptyAttemptLog()
    {
        string database = await server.CreateDatabaseAsync();
        await using (var first = new PostgreSqlHistorySink(database))
        {
            await first.WriteAsync(Records.Node("OldNode", attempts: 2), TestContext.Current.CancellationToken);
        }

        // Back to version 1 as it was released: no attempt_log column.
        await Database.ScalarAsync<int>(database, "ALTER TABLE sdknodes_node_records DROP COLUMN attempt_log; UPDATE sdknodes_schema_version SET version = 1; SELECT 1");
        await using (var upgraded = new PostgreSqlHistorySink(database))
        {
            NodeHistoryRecord old = Assert.Single(await upgraded.QueryAsync(new NodeHistoryQuery(), TestContext.Current.CancellationToken));
            Assert.Equal(("OldNode", 2), (old.NodeName, old.Attempts));
            Assert.Empty(old.AttemptLog);
        }

        Assert.Equal(["version 2"], (await Database.LinesAsync(database, Shape)).Where(l => l.StartsWith("version", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ManyWorkersStartingAtOnce_OnANewDatabase_AllStart_AndTheTablesAreCreatedOnce()
    {
        string database = await server.CreateDatabaseAsync();

        // Without the advisory lock, concurrent CREATE TABLEs of the same name fail on PostgreSQL's catalog.
        PostgreSqlHistorySink[] sinks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new PostgreSqlHistorySink(database), TestContext.Current.CancellationToken)));
        try
        {
            await Task.WhenAll(sinks.Select((sink, i) => sink.WriteAsync(Records.Node($"worker-{i}"), TestContext.Current.CancellationToken).AsTask()));
        }
        finally
        {
            foreach (PostgreSqlHistorySink sink in sinks)
            {
                await sink.DisposeAsync();
            }
        }

        Assert.Equal(8L, await Database.ScalarAsync<long>(database, "SELECT COUNT(*) FROM sdknodes_node_records"));
        Assert.Equal(["version 2"], (await Database.LinesAsync(database, Shape)).Where(l => l.StartsWith("version", StringComparison.Ordinal)));
    }
}
