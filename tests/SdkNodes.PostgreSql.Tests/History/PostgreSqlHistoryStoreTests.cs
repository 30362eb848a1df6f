namespace SdkNodes.PostgreSql.Tests;

/// <summary>The store contract on a PostgreSQL database of this test's own.</summary>
public sealed class PostgreSqlHistoryStoreTests(PostgresServer server) : HistoryStoreContract
{
    private string? _connectionString;

    public override async ValueTask InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override INodeHistoryStore CreateStore() => new PostgreSqlHistorySink(_connectionString!);

    protected override ValueTask CloseAsync(INodeHistoryStore store) => ((PostgreSqlHistorySink)store).DisposeAsync();
}
