namespace SdkNodes.Sqlite;

/// <summary>
/// The database's tables. WAL keeps readers and the writer apart and survives a killed process.
/// <see cref="Create"/> makes the current schema in a new file; a file made by an earlier
/// version keeps its tables and is brought up to date by <see cref="HistoryMigrations"/>.
/// </summary>
internal static class HistorySchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS node_records (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NULL,
            node TEXT NOT NULL,
            method TEXT NOT NULL,
            url TEXT NOT NULL,
            request_headers TEXT NOT NULL,
            status_code INTEGER NULL,
            outcome TEXT NOT NULL,
            error_kind TEXT NULL,
            error_message TEXT NULL,
            started_at TEXT NOT NULL,
            started_ticks INTEGER NOT NULL,
            elapsed_ms REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            response_bytes INTEGER NULL,
            attempt_log TEXT NOT NULL DEFAULT '[]');
        CREATE INDEX IF NOT EXISTS node_records_started ON node_records (started_ticks);
        CREATE INDEX IF NOT EXISTS node_records_node ON node_records (node, started_ticks);
        CREATE INDEX IF NOT EXISTS node_records_run ON node_records (run_id);
        CREATE INDEX IF NOT EXISTS node_records_outcome ON node_records (outcome, started_ticks);
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            aborted_by TEXT NULL,
            nodes INTEGER NOT NULL,
            unsuccessful INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            started_ticks INTEGER NOT NULL,
            elapsed_ms REAL NOT NULL,
            recovered INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS runs_started ON runs (started_ticks);
        """;

    // Both selects list their columns in the order HistoryRows reads them.
    public const string SelectNodeRecords = """
        SELECT run_id, node, method, url, request_headers, status_code, outcome, error_kind, error_message, started_at, elapsed_ms, attempts, response_bytes, attempt_log FROM node_records
        """;

    public const string SelectRuns = """
        SELECT run_id, name, status, aborted_by, nodes, unsuccessful, started_at, elapsed_ms, recovered FROM runs
        """;
}
