using System.Text;
using System.Text.Json;

namespace SdkNodes.Tool.Studio;

/// <summary>What kind of JSON value a shape stands for; the number kinds are ordered from narrowest to widest.</summary>
internal enum JsonShapeKind
{
    Null,
    Boolean,
    Int32,
    Int64,
    Decimal,
    Double,
    String,
    DateTimeOffset,
    Object,
    Array,

    /// <summary>Values of different kinds in one place (a string here, a number there).</summary>
    Mixed,
}

/// <summary>A property of an object shape, under the JSON name it was first seen with.</summary>
/// <param name="Optional">Missing from some of the objects merged into the shape.</param>
internal sealed record JsonShapeProperty(string JsonName, JsonShape Shape, bool Optional);

/// <summary>
/// The shape of one or more JSON values seen in the same place (a response, a property, the
/// elements of an array): their kind, whether a null was among them, and for objects and
/// arrays what they hold. Values merge: an array's elements are one shape.
/// </summary>
internal sealed record JsonShape(JsonShapeKind Kind, bool Nullable, IReadOnlyList<JsonShapeProperty> Properties, JsonShape? Element)
{
    private static readonly JsonShapeProperty[] s_none = [];

    private static JsonShape Simple(JsonShapeKind kind) => new(kind, kind == JsonShapeKind.Null, s_none, null);

    /// <summary>The shape of one value.</summary>
    public static JsonShape Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => Simple(JsonShapeKind.Null),
        JsonValueKind.True or JsonValueKind.False => Simple(JsonShapeKind.Boolean),
        JsonValueKind.Number => Simple(NumberKind(value)),
        // The response is read with System.Text.Json, so a string is a date-time only if its
        // own (ISO 8601) reader takes it; the 'T' keeps plain dates ("2024-05-01") strings.
        JsonValueKind.String => Simple(value.TryGetDateTimeOffset(out _) && value.GetString()!.Contains('T')
            ? JsonShapeKind.DateTimeOffset
            : JsonShapeKind.String),
        JsonValueKind.Object => OfObject(value),
        JsonValueKind.Array => new JsonShape(JsonShapeKind.Array, false, s_none, ElementOf(value)),
        _ => Simple(JsonShapeKind.Mixed),
    };

    /// <summary>The shape of two values seen in the same place.</summary>
    public static JsonShape Merge(JsonShape a, JsonShape b)
    {
        if (a.Kind == JsonShapeKind.Null)
        {
            return b with { Nullable = true };
        }

        if (b.Kind == JsonShapeKind.Null)
        {
            return a with { Nullable = true };
        }

        bool nullable = a.Nullable || b.Nullable;
        if (a.Kind == b.Kind && a.Kind != JsonShapeKind.Object && a.Kind != JsonShapeKind.Array)
        {
            return a with { Nullable = nullable };
        }

        if (IsNumber(a.Kind) && IsNumber(b.Kind))
        {
            return Simple((JsonShapeKind)Math.Max((int)a.Kind, (int)b.Kind)) with { Nullable = nullable };
        }

        if (IsText(a.Kind) && IsText(b.Kind))
        {
            return Simple(JsonShapeKind.String) with { Nullable = nullable };
        }

        return (a.Kind, b.Kind) switch
        {
            (JsonShapeKind.Object, JsonShapeKind.Object) => new JsonShape(JsonShapeKind.Object, nullable, MergeProperties(a.Properties, b.Properties), null),
            (JsonShapeKind.Array, JsonShapeKind.Array) => new JsonShape(JsonShapeKind.Array, nullable, s_none, MergeElements(a.Element, b.Element)),
            _ => Simple(JsonShapeKind.Mixed) with { Nullable = nullable },
        };
    }

    /// <summary>
    /// A text that two shapes share exactly when they are the same shape, so that two objects
    /// of one shape can share one record.
    /// </summary>
    public string Signature()
    {
        var text = new StringBuilder();
        AppendSignature(text);
        return text.ToString();
    }

    private void AppendSignature(StringBuilder text)
    {
        text.Append(Kind).Append(Nullable ? "?" : "");
        if (Kind == JsonShapeKind.Object)
        {
            text.Append('{');
            foreach (JsonShapeProperty property in Properties)
            {
                // The name's length first, so that no name can end early and run into the next.
                text.Append(property.JsonName.Length).Append('#').Append(property.JsonName).Append(property.Optional ? "?:" : ":");
                property.Shape.AppendSignature(text);
                text.Append(',');
            }

            text.Append('}');
        }
        else if (Kind == JsonShapeKind.Array)
        {
            text.Append('[');
            Element?.AppendSignature(text);
            text.Append(']');
        }
    }

    private static JsonShapeKind NumberKind(JsonElement value)
    {
        if (value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            if (value.TryGetInt32(out _))
            {
                return JsonShapeKind.Int32;
            }

            if (value.TryGetInt64(out _))
            {
                return JsonShapeKind.Int64;
            }
        }

        // Fractions are decimal, not double: API numbers with a fraction are most often money
        // or measures given in decimal digits, which double would not keep exactly. Double is
        // left for numbers too large for decimal.
        return value.TryGetDecimal(out _) ? JsonShapeKind.Decimal : JsonShapeKind.Double;
    }

    private static JsonShape OfObject(JsonElement value)
    {
        var properties = new List<JsonShapeProperty>();
        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (JsonProperty property in value.EnumerateObject())
        {
            JsonShape shape = Of(property.Value);
            if (indexes.TryGetValue(property.Name, out int index))
            {
                // The same name twice (or in another case) in one object: one property.
                properties[index] = properties[index] with { Shape = Merge(properties[index].Shape, shape) };
            }
            else
            {
                indexes.Add(property.Name, properties.Count);
                properties.Add(new JsonShapeProperty(property.Name, shape, false));
            }
        }

        return new JsonShape(JsonShapeKind.Object, false, properties, null);
    }

    private static JsonShape? ElementOf(JsonElement array)
    {
        JsonShape? element = null;
        foreach (JsonElement item in array.EnumerateArray())
        {
            element = MergeElements(element, Of(item));
        }

        return element;
    }

    private static JsonShape? MergeElements(JsonShape? a, JsonShape? b)
        => a is null ? b : b is null ? a : Merge(a, b);

    /// <summary>
    /// The properties of two objects seen in the same place, in order of first appearance; a
    /// property that one of them lacks is optional. Names that differ only in case are one
    /// property, because responses are read case-insensitively (two C# properties for them
    /// would make System.Text.Json refuse the type).
    /// </summary>
    private static List<JsonShapeProperty> MergeProperties(IReadOnlyList<JsonShapeProperty> a, IReadOnlyList<JsonShapeProperty> b)
    {
        Dictionary<string, JsonShapeProperty> inA = ByName(a);
        Dictionary<string, JsonShapeProperty> inB = ByName(b);
        var merged = new List<JsonShapeProperty>(a.Count + b.Count);
        foreach (JsonShapeProperty first in a)
        {
            merged.Add(inB.TryGetValue(first.JsonName, out JsonShapeProperty? second)
                ? first with { Shape = Merge(first.Shape, second.Shape), Optional = first.Optional || second.Optional }
                : first with { Optional = true });
        }

        foreach (JsonShapeProperty second in b)
        {
            if (!inA.ContainsKey(second.JsonName))
            {
                merged.Add(second with { Optional = true });
            }
        }

        return merged;
    }

    private static Dictionary<string, JsonShapeProperty> ByName(IReadOnlyList<JsonShapeProperty> properties)
    {
        var byName = new Dictionary<string, JsonShapeProperty>(properties.Count, StringComparer.OrdinalIgnoreCase);
        foreach (JsonShapeProperty property in properties)
        {
            byName.Add(property.JsonName, property);
        }

        return byName;
    }

    private static bool IsNumber(JsonShapeKind kind) => kind is >= JsonShapeKind.Int32 and <= JsonShapeKind.Double;

    private static bool IsText(JsonShapeKind kind) => kind is JsonShapeKind.String or JsonShapeKind.DateTimeOffset;
}
