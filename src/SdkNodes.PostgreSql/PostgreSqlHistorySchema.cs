using System;
using System.Globalization;
using Npgsql;

namespace SdkNodes.PostgreSql;

/// <summary>
/// The store's tables, created and migrated when a sink starts. The tables are prefixed
/// <c>sdknodes_</c> so they can share a database with others (Quartz's <c>qrtz_</c> tables, the
/// application's own). <c>sdknodes_schema_version</c> holds the version the tables are at; each
/// step runs once, in order, and a database already at <see cref="Current"/> is left as it is.
/// </summary>
internal static class PostgreSqlHistorySchema
{
    /// <summary>The schema version this store writes.</summary>
    public const int Current = 2;

    /// <summary>
    /// The advisory lock key that serialises migrations ("SDKNHIST" in ASCII): many workers
    /// starting at once against a new database queue on it, and all but the first find the work
    /// done. It is a transaction-level lock, released by the commit or by a dropped connection.
    /// </summary>
    public const long MigrationLockKey = 0x53444B4E48495354;

    private const string Version1 = """
        CREATE TABLE sdknodes_node_records (
            id uuid PRIMARY KEY,
            seq bigint GENERATED ALWAYS AS IDENTITY,
            run_id text NULL,
            node text NOT NULL,
            method text NOT NULL,
            url text NOT NULL,
            request_headers jsonb NOT NULL,
            status_code integer NULL,
            outcome text NOT NULL,
            error_kind text NULL,
            error_message text NULL,
            started_at timestamptz NOT NULL,
            elapsed_ms double precision NOT NULL,
            attempts integer NOT NULL,
            response_bytes bigint NULL);
        CREATE INDEX sdknodes_node_records_started ON sdknodes_node_records (started_at, seq);
        CREATE INDEX sdknodes_node_records_node ON sdknodes_node_records (node, started_at);
        CREATE INDEX sdknodes_node_records_run ON sdknodes_node_records (run_id, seq);
        CREATE INDEX sdknodes_node_records_outcome ON sdknodes_node_records (outcome, started_at);
        CREATE TABLE sdknodes_runs (
            run_id text PRIMARY KEY,
            name text NOT NULL,
            status text NOT NULL,
            aborted_by text NULL,
            nodes integer NOT NULL,
            unsuccessful integer NOT NULL,
            started_at timestamptz NOT NULL,
            elapsed_ms double precision NOT NULL,
            recovered boolean NOT NULL);
        CREATE INDEX sdknodes_runs_started ON sdknodes_runs (started_at);
        CREATE INDEX sdknodes_runs_name ON sdknodes_runs (name, started_at);
        """;

    /// <summary>Brings the database up to <see cref="Current"/>; does nothing when it is there already.</summary>
    public static void Apply(NpgsqlDataSource dataSource)
    {
        using NpgsqlConnection connection = dataSource.OpenConnection();
        using NpgsqlTransaction transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey.ToString(CultureInfo.InvariantCulture)})");
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS sdknodes_schema_version (version integer NOT NULL)");
        int version;
        using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM sdknodes_schema_version", connection, transaction))
        {
            version = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (version < 1)
        {
            Execute(connection, transaction, Version1);
        }

        if (version < 2)
        {
            // Each attempt of a node that retried; rows written before have an empty log.
            Execute(connection, transaction, "ALTER TABLE sdknodes_node_records ADD COLUMN IF NOT EXISTS attempt_log jsonb NOT NULL DEFAULT '[]'");
        }

        if (version < Current)
        {
            Execute(connection, transaction, "DELETE FROM sdknodes_schema_version");
            Execute(connection, transaction, $"INSERT INTO sdknodes_schema_version (version) VALUES ({Current.ToString(CultureInfo.InvariantCulture)})");
        }

        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
