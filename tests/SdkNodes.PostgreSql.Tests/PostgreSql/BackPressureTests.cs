using Npgsql;

namespace SdkNodes.PostgreSql.Tests;

/// <summary>A database that falls behind slows writers down; the queue never grows past its capacity.</summary>
public sealed class BackPressureTests(PostgresServer server)
{
    [Fact]
    public async Task WithTheWriterHeldByALock_AFullQueue_MakesWriteAsyncWait_AndReleasingItWritesEverything()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        string database = await server.CreateDatabaseAsync();
        await using var sink = new PostgreSqlHistorySink(database, new PostgreSqlHistorySinkOptions { QueueCapacity = 2, BatchSize = 1 });

        // Another session holds a lock that blocks inserts: the writer's first batch waits on it.
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync(token);
        await using NpgsqlTransaction held = await holder.BeginTransactionAsync(token);
        await using (var command = new NpgsqlCommand("LOCK TABLE sdknodes_node_records IN EXCLUSIVE MODE", holder, held))
        {
            await command.ExecuteNonQueryAsync(token);
        }

        List<Task> writes = [.. Enumerable.Range(0, 10).Select(i => sink.WriteAsync(Records.Node($"n{i}"), token).AsTask())];
        await Database.WaitUntilAsync(async () => await Database.ScalarAsync<long>(
            server.AdminConnectionString,
            $"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '{Database.Name(database)}' AND wait_event_type = 'Lock'") == 1);

        // One record in the blocked batch, two in the queue, and the other seven callers waiting
        // for room: none acknowledged, nothing held beyond the capacity.
        Assert.Equal(2, sink.Queued);
        Assert.DoesNotContain(writes, w => w.IsCompleted);

        await held.RollbackAsync(token);
        await Task.WhenAll(writes);
        Assert.Equal(10L, await Database.ScalarAsync<long>(database, "SELECT COUNT(*) FROM sdknodes_node_records"));
    }
}
