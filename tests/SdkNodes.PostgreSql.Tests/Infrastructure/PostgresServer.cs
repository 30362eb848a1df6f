using Npgsql;
using SdkNodes.Samples;

[assembly: AssemblyFixture(typeof(SdkNodes.PostgreSql.Tests.PostgresServer))]

namespace SdkNodes.PostgreSql.Tests;

/// <summary>
/// One PostgreSQL server for the whole test run (the one <c>SDKNODES_POSTGRES</c> names, or a
/// throwaway one started here); each test makes its own database on it, so tests running in
/// parallel never see each other's rows.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private LocalPostgres? _server;

    public string AdminConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync() => _server = await LocalPostgres.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Creates an empty database with a random name and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "sdknodes_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }
}
