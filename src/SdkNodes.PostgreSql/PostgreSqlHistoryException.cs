using System;

namespace SdkNodes.PostgreSql;

/// <summary>
/// A history write that the PostgreSQL store could not commit, after its retries. The message
/// names the store by host, port and database only: never the password or the rest of the
/// connection string.
/// </summary>
public sealed class PostgreSqlHistoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgreSqlHistoryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
