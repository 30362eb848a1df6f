using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Emitting;

internal static partial class NodeEmitter
{
    // FromValues builds the node from text (the Test API, the command line). A private
    // constructor sets each property that has a value, so init-only properties work and
    // properties without a value keep their defaults. No reflection: one NodeTextValues call
    // per property, which says whether a value was given and parses it; the property's type
    // name and secrecy, needed only for an error message, come from the descriptor.
    private static void WriteFromValues(SourceWriter writer, NodeModel node)
    {
        if (node.FromValues == FromValuesSupport.None)
        {
            return;
        }

        string self = node.ClassName + node.TypeParameters;
        writer.WriteLine();
        writer.WriteLine("/// <summary>Builds the node from text values by property name (any may be missing); values that do not parse throw NodeInputException.</summary>");
        writer.WriteLine($"public static {self} FromValues(global::System.Collections.Generic.IReadOnlyDictionary<string, string?> values)");
        writer.WriteLine($"    => FromValues(values, {Generated}.NodeRequest.DefaultJsonOptions);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Builds the node from text values, reading JSON values with the given options.</summary>");
        writer.WriteLine($"public static {self} FromValues(global::System.Collections.Generic.IReadOnlyDictionary<string, string?> values, global::System.Text.Json.JsonSerializerOptions jsonOptions)");
        writer.WriteLine($"    => new {self}(new {Generated}.NodeTextValues(values, jsonOptions, Descriptor));");

        if (node.FromValues == FromValuesSupport.ImplicitConstructor)
        {
            // Declaring the constructor below would hide the implicit parameterless one.
            writer.WriteLine();
            writer.WriteLine($"public {node.ClassName}()");
            writer.WriteLine("{");
            writer.WriteLine("}");
        }

        writer.WriteLine();
        // A value may be missing: CreateRequest then reports a required property that is null.
        writer.WriteLine("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        writer.WriteLine($"private {node.ClassName}({Generated}.NodeTextValues values)");
        if (node.FromValues == FromValuesSupport.DeclaredConstructor)
        {
            writer.WriteLine("    : this()");
        }

        writer.WriteLine("{");
        writer.Indentation++;
        foreach (PropertyModel property in node.Properties)
        {
            string value = "__" + property.Name;
            writer.WriteLine($"if (values.{ReadCall(property, value)}) this.{property.Name} = {Converted(property, value)};");
        }

        writer.CloseBlock();
    }

    private static string ReadCall(PropertyModel property, string value)
    {
        ParseForm parse = property.Parse;
        string name = CSharpLiteral.String(property.Name);
        return parse.Kind switch
        {
            ParseKind.String => $"TryGet({name}, out var {value})",
            ParseKind.Parsable when parse.IsNullableValueType => $"TryParseNullable<{parse.ValueType}>({name}, out var {value})",
            ParseKind.Parsable => $"TryParse<{parse.ValueType}>({name}, out var {value})",
            ParseKind.Enum when parse.IsNullableValueType => $"TryParseNullableEnum<{parse.ValueType}>({name}, out var {value})",
            ParseKind.Enum => $"TryParseEnum<{parse.ValueType}>({name}, out var {value})",
            ParseKind.StringList => $"TryGetStringList({name}, out var {value})",
            ParseKind.ParsableList => $"TryParseList<{parse.ValueType}>({name}, out var {value})",
            ParseKind.StringMap => $"TryGetStringMap({name}, out var {value})",
            ParseKind.ParsableMap => $"TryParseMap<{parse.ValueType}>({name}, out var {value})",
            ParseKind.File => $"TryGetFile({name}, out var {value})",
            _ => $"TryParseJson<{property.Type}>({name}, out var {value})",
        };
    }

    // Lists become the property's collection type (an array, List<T>, IReadOnlyList<T>...).
    private static string Converted(PropertyModel property, string value)
        => property.Parse.Kind is ParseKind.StringList or ParseKind.ParsableList ? $"{value} is null ? null : [.. {value}]" : value;
}
