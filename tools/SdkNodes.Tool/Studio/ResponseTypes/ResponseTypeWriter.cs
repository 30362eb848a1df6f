using System.Text;
using System.Text.Json;

namespace SdkNodes.Tool.Studio;

/// <summary>
/// Writes, from a sample JSON response, the C# records a developer pastes in as a node's
/// TResponse. They are positional records: short, and System.Text.Json fills them through their
/// constructor, with no non-nullable property left unset (which init properties would need
/// <c>required</c> or a dummy default for).
/// </summary>
/// <remarks>
/// <para>
/// Names are PascalCase, with <c>[property: JsonPropertyName]</c> only where the runtime's
/// default reading would miss the JSON name. That reading is <see cref="JsonSerializerDefaults.Web"/>
/// (camelCase, case-insensitive), so City reads "city" but ErrorCode needs "error_code".
/// </para>
/// <para>
/// Types: integers are <c>int</c>, or <c>long</c> when one does not fit; numbers with a fraction
/// or exponent are <c>decimal</c>; ISO 8601 date-times are <c>DateTimeOffset</c>; arrays are
/// <c>IReadOnlyList</c> of one type for all elements. What no C# type describes, an empty
/// array's elements or values of different kinds, is <c>JsonElement</c>, kept as read; a
/// value only ever seen null is <c>JsonElement?</c> (not <c>object?</c>, which would hold a
/// boxed JsonElement anyway). Seen null, or missing from some objects of an array: nullable.
/// </para>
/// </remarks>
internal static class ResponseTypeWriter
{
    /// <summary>The C# code for the response, its root record (if it is an object) named <paramref name="rootName"/>.</summary>
    /// <exception cref="FormatException">The body is not JSON.</exception>
    public static string Write(string json, string rootName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootName);
        JsonShape shape;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            shape = JsonShape.Of(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The response body is not JSON: {e.Message}", e);
        }

        return new Records().Write(shape, CSharpNames.Pascal(rootName, "Response"));
    }

    /// <summary>The records written for one response, root first, then in order of first appearance.</summary>
    private sealed class Records
    {
        private const string Indent = "    ";

        // Members every record has already: a property with one of these names would not compile.
        private static readonly string[] s_recordMembers =
        [
            "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct",
            "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        ];

        private static readonly Dictionary<string, string> s_namespaces = new(StringComparer.Ordinal)
        {
            ["DateTimeOffset"] = "System",
            ["IReadOnlyList"] = "System.Collections.Generic",
            ["JsonElement"] = "System.Text.Json",
        };

        // Type names the written code uses itself: a record named like one would hide it.
        private readonly HashSet<string> _typeNames = [.. s_namespaces.Keys, "JsonPropertyName", "JsonPropertyNameAttribute", "System"];

        // A record per wanted name and shape: two objects of the same shape under one name share it.
        private readonly Dictionary<string, string> _byNameAndShape = new(StringComparer.Ordinal);

        private readonly List<string> _records = [];
        private readonly SortedSet<string> _usings = new(StringComparer.Ordinal);

        public string Write(JsonShape root, string rootName)
        {
            string rootType = TypeOf(root, rootName, false);
            var code = new StringBuilder();
            foreach (string name in _usings)
            {
                code.Append("using ").Append(name).Append(";\n");
            }

            if (_usings.Count > 0)
            {
                code.Append('\n');
            }

            if (root.Kind != JsonShapeKind.Object)
            {
                code.Append("// TResponse: ").Append(rootType).Append('\n');
                if (_records.Count > 0)
                {
                    code.Append('\n');
                }
            }

            return code.AppendJoin("\n", _records).ToString();
        }

        /// <param name="name">The PascalCase name the value has (its property's, or the root's).</param>
        /// <param name="nullable">The value can be missing, whatever was seen.</param>
        private string TypeOf(JsonShape shape, string name, bool nullable)
        {
            string type = shape.Kind switch
            {
                JsonShapeKind.Boolean => "bool",
                JsonShapeKind.Int32 => "int",
                JsonShapeKind.Int64 => "long",
                JsonShapeKind.Decimal => "decimal",
                JsonShapeKind.Double => "double",
                JsonShapeKind.String => "string",
                JsonShapeKind.DateTimeOffset => "DateTimeOffset",
                JsonShapeKind.Object => RecordFor(shape, name),
                JsonShapeKind.Array => $"IReadOnlyList<{ElementTypeOf(shape.Element, name)}>",
                _ => "JsonElement",
            };
            return nullable || shape.Nullable ? type + "?" : type;
        }

        private string ElementTypeOf(JsonShape? element, string listName) => element switch
        {
            null => "JsonElement",
            // A list of lists: its innermost elements are still named for one element of the list.
            { Kind: JsonShapeKind.Array } => TypeOf(element, listName, false),
            _ => TypeOf(element, CSharpNames.Singular(listName), false),
        };

        private string RecordFor(JsonShape shape, string wantedName)
        {
            string key = wantedName + "\n" + (shape with { Nullable = false }).Signature();
            if (_byNameAndShape.TryGetValue(key, out string? existing))
            {
                return existing;
            }

            string name = Unique(_typeNames, wantedName);
            _byNameAndShape.Add(key, name);
            int slot = _records.Count;
            _records.Add("");

            // A member named like its record does not compile (CS0542).
            var memberNames = new HashSet<string>(s_recordMembers, StringComparer.Ordinal) { name };
            var parameters = new List<string>(shape.Properties.Count);
            foreach (JsonShapeProperty property in shape.Properties)
            {
                string wanted = CSharpNames.Pascal(property.JsonName, "Property");
                string member = Unique(memberNames, wanted);
                string type = TypeOf(property.Shape, wanted, property.Optional);
                NoteNamespaces(type);
                string attribute = "";
                if (!string.Equals(member, property.JsonName, StringComparison.OrdinalIgnoreCase))
                {
                    attribute = $"[property: JsonPropertyName({CSharpNames.Literal(property.JsonName)})] ";
                    _usings.Add("System.Text.Json.Serialization");
                }

                parameters.Add($"{Indent}{attribute}{type} {member}");
            }

            _records[slot] = parameters.Count == 0
                ? $"public sealed record {name}();\n"
                : $"public sealed record {name}(\n{string.Join(",\n", parameters)});\n";
            return name;
        }

        private void NoteNamespaces(string type)
        {
            foreach (string part in type.Split(['<', '>', '?', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (s_namespaces.TryGetValue(part, out string? name))
                {
                    _usings.Add(name);
                }
            }
        }

        private static string Unique(HashSet<string> taken, string wanted)
        {
            string name = wanted;
            for (int suffix = 2; !taken.Add(name); suffix++)
            {
                name = wanted + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }
    }
}
