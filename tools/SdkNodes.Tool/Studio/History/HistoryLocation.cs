using Npgsql;

namespace SdkNodes.Tool.Studio;

/// <summary>
/// What <c>--history</c> names: a SQLite file path, or a PostgreSQL database. A PostgreSQL one is
/// a URL (<c>postgres://</c> or <c>postgresql://</c>) or a key/value connection string with a
/// <c>Host=</c> (Npgsql's own key); anything else is a file path. One option keeps the command
/// short; the price is that a file whose path holds <c>Host=</c> is taken for a database, and must
/// be renamed.
/// </summary>
internal static class HistoryLocation
{
    public static bool IsPostgreSql(string value)
        => value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || value.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>An Npgsql connection string for <paramref name="value"/>: a URL is taken apart (Npgsql reads only key/value strings).</summary>
    public static string ToConnectionString(string value)
    {
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) && !value.Contains("://", StringComparison.Ordinal))
        {
            return value;
        }

        var uri = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder { Host = Uri.UnescapeDataString(uri.Host) };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } database)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        if (uri.UserInfo.Length > 0)
        {
            string[] user = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(user[0]);
            if (user.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(user[1]);
            }
        }

        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(parts[0])] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        }

        return builder.ToString();
    }

    /// <summary>Where a PostgreSQL history is, for the page to say: host, port and database, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL (Host={builder.Host}; Port={builder.Port}; Database={builder.Database})";
    }
}
