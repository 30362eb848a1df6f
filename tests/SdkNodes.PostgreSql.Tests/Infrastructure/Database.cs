using Npgsql;

namespace SdkNodes.PostgreSql.Tests;

/// <summary>Plain SQL against a test database, to check what the sink stored behind its back.</summary>
internal static class Database
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public static async Task<List<string>> LinesAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return lines;
    }

    public static string Name(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    /// <summary>Checks <paramref name="condition"/> until it holds; no fixed sleep, bounded by the test's cancellation.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        while (!await condition())
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
