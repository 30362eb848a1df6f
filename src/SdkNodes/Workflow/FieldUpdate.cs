using System;
using System.Collections.Generic;

namespace SdkNodes;

/// <summary>
/// Updates a record field by field: values that exist are applied, skipped ones are left as
/// they were and reported with their reason, so one failed node does not block the fields
/// that do not depend on it.
/// </summary>
public sealed class FieldUpdate
{
    private readonly List<(string Field, object? Value, string? SkipReason)> _fields = [];

    /// <summary>Sets <paramref name="field"/> to a value read from a node's output (it may be skipped).</summary>
    public FieldUpdate Set<T>(string field, NodeValue<T> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        _fields.Add((field, value.ValueOrDefault, value.SkipReason));
        return this;
    }

    /// <summary>Sets <paramref name="field"/> to a plain value.</summary>
    public FieldUpdate Set<T>(string field, T value) => Set(field, NodeValue<T>.Of(value));

    /// <summary>Applies the fields that exist to <paramref name="record"/>.</summary>
    public FieldUpdateReport ApplyTo(IDictionary<string, object?> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ApplyTo((field, value) => record[field] = value);
    }

    /// <summary>Calls <paramref name="set"/> for each field that exists, in the order they were given.</summary>
    public FieldUpdateReport ApplyTo(Action<string, object?> set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var applied = new List<string>();
        var skipped = new List<SkippedField>();
        foreach ((string field, object? value, string? skipReason) in _fields)
        {
            if (skipReason is not null)
            {
                skipped.Add(new SkippedField(field, skipReason));
                continue;
            }

            set(field, value);
            applied.Add(field);
        }

        return new FieldUpdateReport(applied, skipped);
    }
}

/// <summary>What a <see cref="FieldUpdate"/> did: the fields it applied and the ones it skipped.</summary>
public sealed record FieldUpdateReport(IReadOnlyList<string> Applied, IReadOnlyList<SkippedField> Skipped);

/// <summary>A field left as it was, and why.</summary>
public sealed record SkippedField(string Field, string Reason);
