using Npgsql;

namespace SdkNodes.PostgreSql.Tests;

/// <summary>
/// A database that cannot be reached fails the writes, after bounded retries, with an exception
/// that names the store and never the password: no record is dropped silently.
/// </summary>
public sealed class WriteFailureTests(PostgresServer server)
{
    private const string Password = "s3cret-Pa55word";

    [Fact]
    public async Task WhenTheDatabaseRefusesConnections_WriteAsyncFails_NamingTheStore_WithoutThePassword_AndWorksAgainOnceItIsBack()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        string database = await server.CreateDatabaseAsync();
        string name = Database.Name(database);
        await using var sink = new PostgreSqlHistorySink(
            new NpgsqlConnectionStringBuilder(database) { Password = Password }.ToString(),
            new PostgreSqlHistorySinkOptions { WriteRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1) });
        await sink.WriteAsync(Records.Node("before"), token);

        await SetAllowConnectionsAsync(name, allow: false);
        PostgreSqlHistoryException failure = await Assert.ThrowsAsync<PostgreSqlHistoryException>(() => sink.WriteAsync(Records.Node("refused"), token).AsTask());

        Assert.Contains("PostgreSQL history store", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"Database={name}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);

        await SetAllowConnectionsAsync(name, allow: true);
        await sink.WriteAsync(Records.Node("after"), token);
        Assert.Equal(["after", "before"], (await sink.QueryAsync(new NodeHistoryQuery(), token)).Select(r => r.NodeName).Order());
    }

    [Fact]
    public async Task ADatabaseThatDoesNotExist_FailsTheConstructor_NamingTheStore_WithoutThePassword()
    {
        string missing = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = "sdknodes_no_such_database", Password = Password }.ToString();

        PostgreSqlHistoryException failure = Assert.Throws<PostgreSqlHistoryException>(() => new PostgreSqlHistorySink(missing));

        Assert.Contains("Database=sdknodes_no_such_database", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
    }

    private async Task SetAllowConnectionsAsync(string name, bool allow)
    {
        await Database.ScalarAsync<int>(server.AdminConnectionString, $"ALTER DATABASE {name} ALLOW_CONNECTIONS {allow}; SELECT 1");
        if (!allow)
        {
            // Connections already open (the sink's pool) are closed too.
            await Database.ScalarAsync<long>(server.AdminConnectionString, $"SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}') AS t");
        }
    }
}
