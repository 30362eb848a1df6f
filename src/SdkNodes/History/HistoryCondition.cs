using System;
using System.Collections.Generic;

namespace SdkNodes;

/// <summary>What a history condition compares: the stores name each in their own columns.</summary>
internal enum HistoryField
{
    StartedAt,
    NodeName,
    RunId,
    Outcome,
    RunName,
    RunStatus,
}

/// <summary>
/// One condition of a <see cref="NodeHistoryQuery"/> or <see cref="RunHistoryQuery"/>. The queries
/// say once what they mean (From inclusive, To exclusive, FailuresOnly as "not Succeeded"); each
/// store only writes the conditions in its own SQL, so the stores cannot drift apart.
/// </summary>
/// <param name="Field">What is compared.</param>
/// <param name="Operator">The SQL comparison: <c>&gt;=</c>, <c>&lt;</c>, <c>=</c> or <c>&lt;&gt;</c>.</param>
/// <param name="Value">A <see cref="DateTimeOffset"/> for <see cref="HistoryField.StartedAt"/>, text otherwise (enums by name).</param>
internal readonly record struct HistoryCondition(HistoryField Field, string Operator, object Value)
{
    public static List<HistoryCondition> Of(NodeHistoryQuery query)
    {
        List<HistoryCondition> conditions = TimeRange(query.From, query.To);
        Add(conditions, HistoryField.NodeName, query.NodeName);
        Add(conditions, HistoryField.RunId, query.RunId);
        Add(conditions, HistoryField.Outcome, query.Outcome?.ToString());
        if (query.FailuresOnly)
        {
            conditions.Add(new HistoryCondition(HistoryField.Outcome, "<>", nameof(NodeOutcome.Succeeded)));
        }

        return conditions;
    }

    public static List<HistoryCondition> Of(RunHistoryQuery query)
    {
        List<HistoryCondition> conditions = TimeRange(query.From, query.To);
        Add(conditions, HistoryField.RunName, query.Name);
        Add(conditions, HistoryField.RunStatus, query.Status?.ToString());
        return conditions;
    }

    private static List<HistoryCondition> TimeRange(DateTimeOffset? from, DateTimeOffset? to)
    {
        var conditions = new List<HistoryCondition>();
        if (from is { } start)
        {
            conditions.Add(new HistoryCondition(HistoryField.StartedAt, ">=", start));
        }

        if (to is { } end)
        {
            conditions.Add(new HistoryCondition(HistoryField.StartedAt, "<", end));
        }

        return conditions;
    }

    private static void Add(List<HistoryCondition> conditions, HistoryField field, string? value)
    {
        if (value is not null)
        {
            conditions.Add(new HistoryCondition(field, "=", value));
        }
    }
}
