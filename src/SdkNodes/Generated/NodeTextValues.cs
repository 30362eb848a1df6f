using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SdkNodes.Generated;

/// <summary>
/// Text values by property name, and the parsers the generated <c>FromValues</c> calls. Numbers
/// and dates use the invariant culture; lists are comma-separated; maps are <c>key=value</c>
/// pairs separated by commas; anything else is JSON. A value that does not parse is a
/// <see cref="NodeInputException"/> naming the parameter and the expected type (and, unless it
/// is a secret, the value).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NodeTextValues
{
    private readonly IReadOnlyDictionary<string, string?> _values;
    private readonly JsonSerializerOptions _json;
    private readonly string _nodeName;

    /// <summary>Wraps <paramref name="values"/> for one node.</summary>
    public NodeTextValues(IReadOnlyDictionary<string, string?> values, JsonSerializerOptions json, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(json);
        _values = values;
        _json = json;
        _nodeName = nodeName;
    }

    /// <summary>The value given for <paramref name="name"/> (exact name first, then ignoring case).</summary>
    public bool TryGet(string name, out string? text)
    {
        if (_values.TryGetValue(name, out text))
        {
            return true;
        }

        foreach (KeyValuePair<string, string?> pair in _values)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                text = pair.Value;
                return true;
            }
        }

        text = null;
        return false;
    }

    /// <summary>Parses a value type; null (left empty) gives default.</summary>
    public T Parse<T>(string name, string? text, string typeName, bool isSecret)
        where T : ISpanParsable<T>
        => text is null ? default! : ParseOne<T>(name, text, typeName, isSecret);

    /// <summary>Parses a nullable value type; null stays null.</summary>
    public T? ParseNullable<T>(string name, string? text, string typeName, bool isSecret)
        where T : struct, ISpanParsable<T>
        => text is null ? null : ParseOne<T>(name, text, typeName, isSecret);

    /// <summary>Parses an enum member by name (ignoring case) or number.</summary>
    public T ParseEnum<T>(string name, string? text, string typeName, bool isSecret)
        where T : struct, Enum
        => text is null ? default : ParseEnumOne<T>(name, text, typeName, isSecret);

    /// <summary>Parses a nullable enum.</summary>
    public T? ParseNullableEnum<T>(string name, string? text, string typeName, bool isSecret)
        where T : struct, Enum
        => text is null ? null : ParseEnumOne<T>(name, text, typeName, isSecret);

    /// <summary>Comma-separated strings, trimmed.</summary>
    public string[] ParseStringList(string text)
        => text.Length == 0 ? [] : text.Split(',', StringSplitOptions.TrimEntries);

    /// <summary>Comma-separated values.</summary>
    public T[] ParseList<T>(string name, string text, string typeName, bool isSecret)
        where T : ISpanParsable<T>
    {
        string[] items = ParseStringList(text);
        var values = new T[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            values[i] = ParseOne<T>(name, items[i], typeName, isSecret);
        }

        return values;
    }

    /// <summary><c>key=value</c> pairs separated by commas.</summary>
    public Dictionary<string, string> ParseStringMap(string name, string text, string typeName, bool isSecret)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in ParseStringList(text))
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw Invalid(name, pair, typeName, isSecret, "pairs written key=value, separated by commas");
            }

            map[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return map;
    }

    /// <summary><c>key=value</c> pairs separated by commas, values parsed.</summary>
    public Dictionary<string, T> ParseMap<T>(string name, string text, string typeName, bool isSecret)
        where T : ISpanParsable<T>
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach ((string key, string value) in ParseStringMap(name, text, typeName, isSecret))
        {
            map[key] = ParseOne<T>(name, value, typeName, isSecret);
        }

        return map;
    }

    /// <summary>JSON text read with the runtime's options; null stays null.</summary>
    public T? ParseJson<T>(string name, string? text, string typeName, bool isSecret)
    {
        if (text is null)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(text, (JsonTypeInfo<T>)_json.GetTypeInfo(typeof(T)));
        }
        catch (JsonException ex)
        {
            throw Invalid(name, text, typeName, isSecret, $"JSON for {typeName} ({ex.Message.Split(" Path:")[0].Trim()})");
        }
    }

    private T ParseOne<T>(string name, string text, string typeName, bool isSecret)
        where T : ISpanParsable<T>
    {
        if (T.TryParse(text.AsSpan().Trim(), CultureInfo.InvariantCulture, out T? value))
        {
            return value;
        }

        throw Invalid(name, text, typeName, isSecret, Describe(typeName));
    }

    private T ParseEnumOne<T>(string name, string text, string typeName, bool isSecret)
        where T : struct, Enum
    {
        if (Enum.TryParse(text.Trim(), ignoreCase: true, out T value))
        {
            return value;
        }

        throw Invalid(name, text, typeName, isSecret, $"one of {string.Join(", ", Enum.GetNames<T>())}");
    }

    private NodeInputException Invalid(string name, string text, string typeName, bool isSecret, string expected)
    {
        string given = isSecret ? "the value given" : $"'{text}'";
        return new NodeInputException($"Parameter '{name}' of {_nodeName} expects {typeName}: {expected}; {given} is not.");
    }

    private static string Describe(string typeName) => typeName.TrimEnd('?') switch
    {
        "int" or "long" or "short" or "byte" or "sbyte" or "uint" or "ulong" or "ushort" => "a whole number",
        "double" or "float" or "decimal" => "a number such as 12.5",
        "bool" => "true or false",
        "Guid" => "a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e",
        "DateTime" or "DateTimeOffset" => "a date and time such as 2026-11-28T09:30:00Z",
        "DateOnly" => "a date such as 2026-11-28",
        "TimeOnly" => "a time such as 09:30",
        _ => "a value of that type",
    };
}
