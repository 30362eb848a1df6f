using Npgsql;
using SdkNodes.Samples;

[assembly: AssemblyFixture(typeof(SdkNodes.Quartz.Tests.PostgresServer))]

namespace SdkNodes.Quartz.Tests;

/// <summary>
/// One PostgreSQL server for the whole test run (the one .ci/run started, or a throwaway one);
/// each test makes a database of its own, so Quartz's tables and the history never collide.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private LocalPostgres? _server;

    public async ValueTask InitializeAsync() => _server = await LocalPostgres.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string server = _server?.ConnectionString ?? throw new InvalidOperationException("The server has not started.");
        string name = "sdknodes_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
