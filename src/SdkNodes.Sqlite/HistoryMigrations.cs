using System;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SdkNodes.Sqlite;

/// <summary>
/// Brings a history file made by an earlier version of this store up to the current schema, so
/// upgrading SdkNodes.Sqlite keeps the history a team already has. The file's
/// <c>PRAGMA user_version</c> records the schema version: 0 (never set) is the first schema,
/// without <c>node_records.attempts</c>; 1 has it; 2 adds <c>node_records.response_bytes</c>;
/// 3 adds <c>runs.recovered</c>; 4 adds <c>node_records.attempt_log</c> (JSON).
/// Each step runs once, in order. <see cref="HistorySchema.Create"/> makes the
/// current tables in a new file, which then only has its version set.
/// </summary>
internal static class HistoryMigrations
{
    /// <summary>The schema version this store writes.</summary>
    public const int Current = 4;

    /// <summary>Migrates the database open on <paramref name="connection"/>; does nothing when it is up to date.</summary>
    public static void Apply(SqliteConnection connection)
    {
        // An up-to-date file, the usual case, is checked without taking the write lock.
        if (UserVersion(connection, transaction: null) >= Current)
        {
            return;
        }

        // BEGIN IMMEDIATE takes the write lock before the version is read again: of two processes
        // opening the same old file at once, the second waits (the busy timeout) and then finds
        // the work done, instead of adding the column twice.
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        if (UserVersion(connection, transaction) < 1)
        {
            // The column may already be there: a new file was created with it. Old rows were
            // written before retries existed, so each was exactly one attempt: the default says so.
            if (!HasColumn(connection, transaction, "node_records", "attempts"))
            {
                Execute(connection, transaction, "ALTER TABLE node_records ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1");
            }

            Execute(connection, transaction, "PRAGMA user_version = 1");
        }

        if (UserVersion(connection, transaction) < 2)
        {
            // Old rows did not record the body's size: null says "not known", as for a Stream
            // answer without a Content-Length.
            if (!HasColumn(connection, transaction, "node_records", "response_bytes"))
            {
                Execute(connection, transaction, "ALTER TABLE node_records ADD COLUMN response_bytes INTEGER NULL");
            }

            Execute(connection, transaction, "PRAGMA user_version = 2");
        }

        if (UserVersion(connection, transaction) < 3)
        {
            // Runs written before recovery existed were all run once, by the worker that started them.
            if (!HasColumn(connection, transaction, "runs", "recovered"))
            {
                Execute(connection, transaction, "ALTER TABLE runs ADD COLUMN recovered INTEGER NOT NULL DEFAULT 0");
            }

            Execute(connection, transaction, "PRAGMA user_version = 3");
        }

        if (UserVersion(connection, transaction) < 4)
        {
            // Rows written before the log existed keep their attempt count; their log is empty.
            if (!HasColumn(connection, transaction, "node_records", "attempt_log"))
            {
                Execute(connection, transaction, "ALTER TABLE node_records ADD COLUMN attempt_log TEXT NOT NULL DEFAULT '[]'");
            }

            Execute(connection, transaction, "PRAGMA user_version = 4");
        }

        transaction.Commit();
    }

    private static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static bool HasColumn(SqliteConnection connection, SqliteTransaction transaction, string table, string column)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$column", column);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
