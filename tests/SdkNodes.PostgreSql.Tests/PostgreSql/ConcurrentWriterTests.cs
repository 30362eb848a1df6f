namespace SdkNodes.PostgreSql.Tests;

/// <summary>Many writers at once: every record stored exactly once, in shared commits.</summary>
public sealed class ConcurrentWriterTests(PostgresServer server)
{
    [Fact]
    public async Task ManyConcurrentWriters_StoreExactlyEveryRecord_NoneTwice_InFewerCommitsThanRecords()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        string database = await server.CreateDatabaseAsync();
        await using (var sink = new PostgreSqlHistorySink(database))
        {
            await Task.WhenAll(Enumerable.Range(0, 16).Select(writer => Task.Run(
                async () =>
                {
                    for (int n = 0; n < 200; n++)
                    {
                        await sink.WriteAsync(Records.Node($"w{writer}-{n}", runId: $"run-{writer}"), token);
                    }
                },
                token)));
        }

        Assert.Equal(3_200L, await Database.ScalarAsync<long>(database, "SELECT COUNT(*) FROM sdknodes_node_records"));
        Assert.Equal(3_200L, await Database.ScalarAsync<long>(database, "SELECT COUNT(DISTINCT node) FROM sdknodes_node_records"));

        // xmin is the inserting transaction: fewer of them than rows means writers shared batches.
        long commits = await Database.ScalarAsync<long>(database, "SELECT COUNT(DISTINCT xmin::text) FROM sdknodes_node_records");
        Assert.InRange(commits, 1, 3_199);
    }

    [Fact]
    public async Task ABatchCommittedTwice_AsARetryWouldAfterALostAcknowledgement_StoresEachRecordAndRunOnce()
    {
        string database = await server.CreateDatabaseAsync();
        await using var sink = new PostgreSqlHistorySink(database);
        PendingWrite[] batch = [PendingWrite.ForNode(Records.Node("a")), PendingWrite.ForNode(Records.Node("b")), PendingWrite.ForRun(Records.Run("run-1"))];

        await sink.CommitAsync(batch);
        await sink.CommitAsync(batch);

        Assert.Equal(2L, await Database.ScalarAsync<long>(database, "SELECT COUNT(*) FROM sdknodes_node_records"));
        Assert.Equal(1L, await Database.ScalarAsync<long>(database, "SELECT COUNT(*) FROM sdknodes_runs"));
    }

    [Fact]
    public async Task Disposing_CommitsWhatIsStillQueued_AndLaterWritesAreRefused()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        string database = await server.CreateDatabaseAsync();
        var sink = new PostgreSqlHistorySink(database, new PostgreSqlHistorySinkOptions { BatchSize = 4 });
        List<Task> writes = [.. Enumerable.Range(0, 50).Select(i => sink.WriteAsync(Records.Node($"n{i}"), token).AsTask())];

        await sink.DisposeAsync();

        // Stored by the time DisposeAsync returns; the callers' continuations run on the thread
        // pool, so their tasks are awaited rather than inspected.
        Assert.Equal(50L, await Database.ScalarAsync<long>(database, "SELECT COUNT(*) FROM sdknodes_node_records"));
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sink.WriteAsync(Records.Node("late"), token).AsTask());
    }
}
