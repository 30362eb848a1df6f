using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Emitting;

internal static partial class NodeEmitter
{
    // FromValues builds the node from text (the Test API, the command line). A private
    // constructor sets each property that has a value, so init-only properties work and
    // properties without a value keep their defaults. No reflection: one parser call each.
    private static void WriteFromValues(SourceWriter writer, NodeModel node)
    {
        if (node.FromValues == FromValuesSupport.None)
        {
            return;
        }

        string self = node.ClassName + node.TypeParameters;
        writer.WriteLine();
        writer.WriteLine("/// <summary>Builds the node from text values by property name (any may be missing); values that do not parse throw <see cref=\"global::SdkNodes.NodeInputException\"/>.</summary>");
        writer.WriteLine($"public static {self} FromValues(global::System.Collections.Generic.IReadOnlyDictionary<string, string?> values)");
        writer.WriteLine($"    => FromValues(values, {Generated}.NodeRequest.DefaultJsonOptions);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Builds the node from text values, reading JSON values with <paramref name=\"jsonOptions\"/>.</summary>");
        writer.WriteLine($"public static {self} FromValues(global::System.Collections.Generic.IReadOnlyDictionary<string, string?> values, global::System.Text.Json.JsonSerializerOptions jsonOptions)");
        writer.WriteLine($"    => new {self}(new {Generated}.NodeTextValues(values, jsonOptions, {CSharpLiteral.String(node.ClassName)}));");

        if (node.FromValues == FromValuesSupport.ImplicitConstructor)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>Creates the node (the parameterless constructor, written out because the generated one below would hide it).</summary>");
            writer.WriteLine($"public {node.ClassName}()");
            writer.WriteLine("{");
            writer.WriteLine("}");
        }

        writer.WriteLine();
        writer.WriteLine("// A value may be missing: CreateRequest then reports a required property that is null.");
        writer.WriteLine("#pragma warning disable CS8618");
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
            string name = CSharpLiteral.String(property.Name);
            string text = "__" + property.Name;
            writer.WriteLine($"if (values.TryGet({name}, out string? {text}))");
            writer.WriteLine($"    this.{property.Name} = {ParseCall(property, name, text)}!;");
        }

        writer.CloseBlock();
        writer.WriteLine("#pragma warning restore CS8618");
    }

    private static string ParseCall(PropertyModel property, string name, string text)
    {
        ParseForm parse = property.Parse;
        string secret = CSharpLiteral.Bool(property.IsSecret);
        string typeName = CSharpLiteral.String(property.TypeDisplayName);
        return parse.Kind switch
        {
            ParseKind.String => text,
            ParseKind.Parsable when parse.IsNullableValueType => $"values.ParseNullable<{parse.ValueType}>({name}, {text}, {typeName}, {secret})",
            ParseKind.Parsable => $"values.Parse<{parse.ValueType}>({name}, {text}, {typeName}, {secret})",
            ParseKind.Enum when parse.IsNullableValueType => $"values.ParseNullableEnum<{parse.ValueType}>({name}, {text}, {typeName}, {secret})",
            ParseKind.Enum => $"values.ParseEnum<{parse.ValueType}>({name}, {text}, {typeName}, {secret})",
            ParseKind.StringList => $"({text} is null ? null : [.. values.ParseStringList({text})])",
            ParseKind.ParsableList => $"({text} is null ? null : [.. values.ParseList<{parse.ValueType}>({name}, {text}, {typeName}, {secret})])",
            ParseKind.StringMap => $"({text} is null ? null : values.ParseStringMap({name}, {text}, {typeName}, {secret}))",
            ParseKind.ParsableMap => $"({text} is null ? null : values.ParseMap<{parse.ValueType}>({name}, {text}, {typeName}, {secret}))",
            // "@path" names a file; the runtime opens it when the request is sent.
            ParseKind.File => $"({text} is null ? null : {text}.StartsWith('@') ? {Runtime}.NodeFile.FromPath({text}.Substring(1)) : throw new {Runtime}.NodeInputException({CSharpLiteral.String($"Property '{property.Name}' is a file: write @ and its path, e.g. @report.pdf")}))",
            _ => $"values.ParseJson<{property.Type}>({name}, {text}, {typeName}, {secret})",
        };
    }
}
