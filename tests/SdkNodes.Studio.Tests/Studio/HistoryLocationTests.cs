using Npgsql;
using SdkNodes.Tool.Studio;

namespace SdkNodes.Studio.Tests.Studio;

/// <summary>How <c>--history</c> tells a SQLite file from a PostgreSQL database, and reads a postgres:// URL.</summary>
public sealed class HistoryLocationTests
{
    [Theory]
    [InlineData("history.db", false)]
    [InlineData("/var/lib/app/history.db", false)]
    [InlineData("Host=db.internal;Database=history", true)]
    [InlineData("Database=history;host=db.internal", true)]
    [InlineData("postgres://db.internal/history", true)]
    [InlineData("POSTGRESQL://db.internal/history", true)]
    public void AValue_IsAPostgreSqlDatabase_OnlyWhenItIsAUrlOrHasAHost(string value, bool isPostgreSql)
        => Assert.Equal(isPostgreSql, HistoryLocation.IsPostgreSql(value));

    [Fact]
    public void AKeyValueConnectionString_IsUsedAsGiven()
        => Assert.Equal("Host=db.internal;Database=history", HistoryLocation.ToConnectionString("Host=db.internal;Database=history"));

    [Fact]
    public void AUrl_BecomesTheSameConnectionString_WithEscapesUndone_AndQueryKeysKept()
    {
        var builder = new NpgsqlConnectionStringBuilder(HistoryLocation.ToConnectionString("postgresql://ops%40corp:p%3Ass@db.internal:6432/run%20history?sslmode=require"));

        Assert.Equal(("db.internal", 6432, "run history", "ops@corp", "p:ss", SslMode.Require), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
    }

    [Fact]
    public void TheDescription_NamesHostPortAndDatabase_NeverThePassword()
    {
        string described = HistoryLocation.Describe("Host=db.internal;Port=6432;Database=history;Password=s3cret");

        Assert.Equal("PostgreSQL (Host=db.internal; Port=6432; Database=history)", described);
    }
}
