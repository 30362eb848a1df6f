using System.Linq;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Emitting;

internal static partial class NodeEmitter
{
    // FromValues builds the node from text (the Test API, the command line) with one object
    // initializer, so init-only and required properties work without a generated constructor.
    // A property without a value gets the value a new node has: a node made with only its
    // required members set supplies them. No reflection: one NodeTextValues call per property;
    // the property's type name and secrecy, needed only for an error message, come from the
    // descriptor.
    private static void WriteFromValues(SourceWriter writer, NodeModel node)
    {
        if (!node.HasFromValues)
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
        writer.OpenBlock($"public static {self} FromValues(global::System.Collections.Generic.IReadOnlyDictionary<string, string?> values, global::System.Text.Json.JsonSerializerOptions jsonOptions)");
        string required = string.Join(", ", node.Properties.Where(p => p.IsRequiredMember).Select(p => $"{p.Name} = default"));
        writer.WriteLine(required.Length == 0 ? $"var defaults = new {self}();" : $"var defaults = new {self} {{ {required} }};");
        writer.WriteLine($"var text = new {Generated}.NodeTextValues(values, jsonOptions, Descriptor);");
        writer.OpenBlock($"return new {self}");
        foreach (PropertyModel property in node.Properties)
        {
            writer.WriteLine($"{property.Name} = {ReadValue(property)},");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
    }

    private static string ReadValue(PropertyModel property)
    {
        ParseForm parse = property.Parse;
        string name = CSharpLiteral.String(property.Name);
        string fallback = "defaults." + property.Name;
        string given = "__" + property.Name;
        return parse.Kind switch
        {
            ParseKind.String => $"text.Get({name}, {fallback})",
            ParseKind.Parsable when parse.IsNullableValueType => $"text.ParseNullable<{parse.ValueType}>({name}, {fallback})",
            ParseKind.Parsable => $"text.Parse<{parse.ValueType}>({name}, {fallback})",
            ParseKind.Enum when parse.IsNullableValueType => $"text.ParseNullableEnum<{parse.ValueType}>({name}, {fallback})",
            ParseKind.Enum => $"text.ParseEnum<{parse.ValueType}>({name}, {fallback})",
            ParseKind.File => $"text.GetFile({name}, {fallback})",
            // Collections say whether a value was given, and become the property's own collection type.
            ParseKind.StringList => $"text.TryGetStringList({name}, out var {given}) ? ({given} is null ? null : [.. {given}]) : {fallback}",
            ParseKind.ParsableList => $"text.TryParseList<{parse.ValueType}>({name}, out var {given}) ? ({given} is null ? null : [.. {given}]) : {fallback}",
            ParseKind.StringMap => $"text.TryGetStringMap({name}, out var {given}) ? {given} : {fallback}",
            ParseKind.ParsableMap => $"text.TryParseMap<{parse.ValueType}>({name}, out var {given}) ? {given} : {fallback}",
            _ => $"text.ParseJson<{property.Type}>({name}, {fallback})",
        };
    }
}
