using SdkNodes.Sqlite;

namespace SdkNodes.PostgreSql.Tests;

/// <summary>The store contract on a SQLite file of this test's own.</summary>
public sealed class SqliteHistoryStoreTests : HistoryStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdknodes-history-").FullName;

    protected override INodeHistoryStore CreateStore() => new SqliteHistorySink(Path.Combine(_directory, "history.db"));

    protected override ValueTask CloseAsync(INodeHistoryStore store)
    {
        ((SqliteHistorySink)store).Dispose();
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
