using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SdkNodes;

/// <summary>
/// The history stores' row format, in one place: the JSON of the request headers and of the
/// attempt log, and a record read back from a row whose columns come in the order below. Each
/// store reads the start time its own way (ticks in SQLite, timestamptz in PostgreSQL) and passes it in.
/// </summary>
internal static class HistoryRows
{
    // Node rows: run_id, node, method, url, request_headers, status_code, outcome, error_kind,
    // error_message, started_at, elapsed_ms, attempts, response_bytes, attempt_log.
    // Run rows: run_id, name, status, aborted_by, nodes, unsuccessful, started_at, elapsed_ms, recovered.

    /// <summary>The column of a node row's start time.</summary>
    public const int NodeStartedAt = 9;

    /// <summary>The column of a run row's start time.</summary>
    public const int RunStartedAt = 6;

    public static string HeadersJson(IReadOnlyList<KeyValuePair<string, string>> headers)
        => JsonSerializer.Serialize(headers, HistoryRowsJson.Default.IReadOnlyListKeyValuePairStringString);

    public static string AttemptLogJson(IReadOnlyList<NodeAttempt> attempts)
        => JsonSerializer.Serialize(attempts, HistoryRowsJson.Default.IReadOnlyListNodeAttempt);

    public static NodeHistoryRecord Node(DbDataReader reader, DateTimeOffset startedAt) => new()
    {
        RunId = reader.IsDBNull(0) ? null : reader.GetString(0),
        NodeName = reader.GetString(1),
        Method = reader.GetString(2),
        Url = reader.GetString(3),
        RequestHeaders = JsonSerializer.Deserialize(reader.GetString(4), HistoryRowsJson.Default.IReadOnlyListKeyValuePairStringString) ?? [],
        StatusCode = reader.IsDBNull(5) ? null : reader.GetInt32(5),
        Outcome = Enum.Parse<NodeOutcome>(reader.GetString(6)),
        ErrorKind = reader.IsDBNull(7) ? null : Enum.Parse<NodeErrorKind>(reader.GetString(7)),
        ErrorMessage = reader.IsDBNull(8) ? null : reader.GetString(8),
        StartedAt = startedAt,
        Elapsed = TimeSpan.FromMilliseconds(reader.GetDouble(10)),
        Attempts = reader.GetInt32(11),
        ResponseBytes = reader.IsDBNull(12) ? null : reader.GetInt64(12),
        AttemptLog = JsonSerializer.Deserialize(reader.GetString(13), HistoryRowsJson.Default.IReadOnlyListNodeAttempt) ?? [],
    };

    public static RunHistoryRecord Run(DbDataReader reader, DateTimeOffset startedAt) => new()
    {
        RunId = reader.GetString(0),
        Name = reader.GetString(1),
        Status = Enum.Parse<RunStatus>(reader.GetString(2)),
        AbortedBy = reader.IsDBNull(3) ? null : reader.GetString(3),
        Nodes = reader.GetInt32(4),
        Unsuccessful = reader.GetInt32(5),
        StartedAt = startedAt,
        Elapsed = TimeSpan.FromMilliseconds(reader.GetDouble(7)),
        Recovered = reader.GetBoolean(8),
    };
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<KeyValuePair<string, string>>))]
[JsonSerializable(typeof(IReadOnlyList<NodeAttempt>))]
internal sealed partial class HistoryRowsJson : JsonSerializerContext
{
}
