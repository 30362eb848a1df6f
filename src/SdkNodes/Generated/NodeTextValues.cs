using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SdkNodes.Generated;

/// <summary>
/// Text values by property name, and the parsers the generated <c>FromValues</c> calls. Numbers
/// and dates use the invariant culture; lists are comma-separated, or a JSON array; maps are
/// <c>key=value</c> pairs separated by commas, or a JSON object; anything else is JSON. A value that does not parse is a
/// <see cref="NodeInputException"/> naming the parameter and the expected type (and, unless it
/// is a secret, the value).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NodeTextValues
{
    private readonly IReadOnlyDictionary<string, string?> _values;
    private readonly JsonSerializerOptions _json;
    private readonly NodeDescriptor _node;

    /// <summary>Wraps <paramref name="values"/> for the node <paramref name="node"/> describes.</summary>
    public NodeTextValues(IReadOnlyDictionary<string, string?> values, JsonSerializerOptions json, NodeDescriptor node)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(json);
        _values = values;
        _json = json;
        _node = node;
    }

    // The generated FromValues passes each property's value on a new node as the fallback, so
    // a property without a value keeps its default. A value given as null gives null, or
    // default for a non-nullable value type. Collections say whether a value was given
    // instead (TryX), because the node converts them to its own collection type.

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

    /// <summary>A string, or <paramref name="fallback"/> when none was given.</summary>
    public string? Get(string name, string? fallback)
        => TryGet(name, out string? text) ? text : fallback;

    /// <summary>A value type.</summary>
    public T Parse<T>(string name, T fallback)
        where T : ISpanParsable<T>
        => !TryGet(name, out string? text) ? fallback : text is null ? default! : ParseOne<T>(name, text);

    /// <summary>A nullable value type.</summary>
    public T? ParseNullable<T>(string name, T? fallback)
        where T : struct, ISpanParsable<T>
        => !TryGet(name, out string? text) ? fallback : text is null ? null : ParseOne<T>(name, text);

    /// <summary>An enum member by name (ignoring case) or number.</summary>
    public T ParseEnum<T>(string name, T fallback)
        where T : struct, Enum
        => !TryGet(name, out string? text) ? fallback : text is null ? default : ParseEnumOne<T>(name, text);

    /// <summary>A nullable enum.</summary>
    public T? ParseNullableEnum<T>(string name, T? fallback)
        where T : struct, Enum
        => !TryGet(name, out string? text) ? fallback : text is null ? null : ParseEnumOne<T>(name, text);

    /// <summary>A file, written <c>@</c> and its path; the runtime opens it when the request is sent.</summary>
    public NodeFile? GetFile(string name, NodeFile? fallback)
    {
        if (!TryGet(name, out string? text))
        {
            return fallback;
        }

        return text is null ? null
            : text.StartsWith('@') ? NodeFile.FromPath(text[1..])
            : throw new NodeInputException($"Property '{name}' is a file: write @ and its path, e.g. @report.pdf");
    }

    /// <summary>JSON text read with the runtime's options.</summary>
    public T? ParseJson<T>(string name, T? fallback)
        => !TryGet(name, out string? text) ? fallback : text is null ? default : ReadJson<T>(name, text);

    /// <summary>Comma-separated strings, trimmed; or a JSON array, whose items may hold commas.</summary>
    public bool TryGetStringList(string name, out string[]? items)
    {
        bool given = TryGet(name, out string? text);
        items = text is null ? null : SplitList(name, text);
        return given;
    }

    /// <summary>Comma-separated values.</summary>
    public bool TryParseList<T>(string name, out T[]? items)
        where T : ISpanParsable<T>
    {
        bool given = TryGet(name, out string? text);
        items = text is null ? null : ParseList<T>(name, text);
        return given;
    }

    /// <summary><c>key=value</c> pairs separated by commas.</summary>
    public bool TryGetStringMap(string name, out Dictionary<string, string>? map)
    {
        bool given = TryGet(name, out string? text);
        map = text is null ? null : ParseStringMap(name, text);
        return given;
    }

    /// <summary><c>key=value</c> pairs separated by commas, values parsed.</summary>
    public bool TryParseMap<T>(string name, out Dictionary<string, T>? map)
        where T : ISpanParsable<T>
    {
        bool given = TryGet(name, out string? text);
        map = text is null ? null : ParseMap<T>(name, text);
        return given;
    }

    // A list's text: "a, b, c", or a JSON array (["a,1", "b"] or [1, 2]) as the studio's JSON
    // inputs send it; each item is then parsed like a comma-separated one.
    private string[] SplitList(string name, string text)
    {
        if (!text.AsSpan().TrimStart().StartsWith("["))
        {
            return text.Length == 0 ? [] : text.Split(',', StringSplitOptions.TrimEntries);
        }

        using JsonDocument array = ReadJsonText(name, text, JsonValueKind.Array, "a JSON array");
        var items = new string[array.RootElement.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.RootElement.EnumerateArray())
        {
            items[i++] = ScalarText(name, text, item);
        }

        return items;
    }

    private JsonDocument ReadJsonText(string name, string text, JsonValueKind kind, string expected)
    {
        try
        {
            JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == kind)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        throw Invalid(name, text, expected);
    }

    private string ScalarText(string name, string text, JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => item.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => item.GetRawText(),
        _ => throw Invalid(name, text, "strings, numbers or booleans in the JSON"),
    };

    private T[] ParseList<T>(string name, string text)
        where T : ISpanParsable<T>
    {
        string[] items = SplitList(name, text);
        var values = new T[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            values[i] = ParseOne<T>(name, items[i]);
        }

        return values;
    }

    private Dictionary<string, string> ParseStringMap(string name, string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.AsSpan().TrimStart().StartsWith("{"))
        {
            using JsonDocument document = ReadJsonText(name, text, JsonValueKind.Object, "a JSON object");
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                map[property.Name] = ScalarText(name, text, property.Value);
            }

            return map;
        }

        foreach (string pair in SplitList(name, text))
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw Invalid(name, pair, "pairs written key=value, separated by commas");
            }

            map[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return map;
    }

    private Dictionary<string, T> ParseMap<T>(string name, string text)
        where T : ISpanParsable<T>
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach ((string key, string value) in ParseStringMap(name, text))
        {
            map[key] = ParseOne<T>(name, value);
        }

        return map;
    }

    private T? ReadJson<T>(string name, string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, (JsonTypeInfo<T>)_json.GetTypeInfo(typeof(T)));
        }
        catch (JsonException ex)
        {
            throw Invalid(name, text, $"JSON for {TypeName(name)} ({ex.Message.Split(" Path:")[0].Trim()})");
        }
    }

    private T ParseOne<T>(string name, string text)
        where T : ISpanParsable<T>
    {
        if (T.TryParse(text.AsSpan().Trim(), CultureInfo.InvariantCulture, out T? value))
        {
            return value;
        }

        // Described by the type parsed (a list's or map's item type, not the collection's).
        throw Invalid(name, text, Describe(typeof(T)));
    }

    private T ParseEnumOne<T>(string name, string text)
        where T : struct, Enum
    {
        if (Enum.TryParse(text.Trim(), ignoreCase: true, out T value))
        {
            return value;
        }

        throw Invalid(name, text, $"one of {string.Join(", ", Enum.GetNames<T>())}");
    }

    // The type name and whether the value is secret come from the descriptor, read only when
    // a value does not parse: the generated constructor passes the property's name alone.
    private NodeInputException Invalid(string name, string text, string expected)
    {
        NodeParameter? parameter = Parameter(name);
        string given = parameter is { IsSecret: false } ? $"'{text}'" : "the value given";
        return new NodeInputException($"Parameter '{name}' of {_node.Name} expects {parameter?.TypeName ?? "a value"}: {expected}; {given} is not.");
    }

    private string TypeName(string name) => Parameter(name)?.TypeName ?? "a value";

    private NodeParameter? Parameter(string name)
    {
        foreach (NodeParameter parameter in _node.Parameters)
        {
            if (parameter.Name == name)
            {
                return parameter;
            }
        }

        return null;
    }

    private static string Describe(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int32 or TypeCode.Int64 or TypeCode.Int16 or TypeCode.Byte or TypeCode.SByte or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.UInt16 => "a whole number",
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number such as 12.5",
        TypeCode.Boolean => "true or false",
        TypeCode.DateTime => "a date and time such as 2026-11-28T09:30:00Z",
        _ when type == typeof(Guid) => "a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e",
        _ when type == typeof(DateTimeOffset) => "a date and time such as 2026-11-28T09:30:00Z",
        _ when type == typeof(DateOnly) => "a date such as 2026-11-28",
        _ when type == typeof(TimeOnly) => "a time such as 09:30",
        _ => "a value of that type",
    };
}
