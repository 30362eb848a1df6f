using System.Collections.Generic;
using System.Linq;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Emitting;

internal static partial class NodeEmitter
{
    // Straight-line expansion of the template parsed at build time: one call per literal and
    // per variable; secrets write "***" when the history asks for a redacted address.
    private static void WriteFormatUri(SourceWriter writer, NodeModel node)
    {
        int capacity = node.TemplateParts.Sum(p => p.Literal?.Length ?? 16) + 16;
        writer.OpenBlock($"string {Runtime}.IGeneratedNode.FormatUri(bool redactSecrets)");
        writer.WriteLine($"var writer = new {Generated}.UriTemplateWriter({capacity});");
        foreach (TemplatePart part in node.TemplateParts)
        {
            if (part.Literal is not null)
            {
                writer.WriteLine($"writer.AppendLiteral({CSharpLiteral.String(part.Literal)});");
                continue;
            }

            writer.WriteLine($"writer.BeginExpression({Generated}.UriOperator.{part.Operator});");
            foreach (TemplateVariable variable in part.Variables)
            {
                PropertyModel property = node.Properties[variable.Property];
                if (property.IsSecret)
                {
                    writer.OpenBlock("if (redactSecrets)");
                    string isDefined = property.IsReferenceType || property.IsNullableValueType ? $"this.{property.Name} is not null" : "true";
                    writer.WriteLine($"writer.AppendRedacted({CSharpLiteral.String(variable.Name)}, {isDefined});");
                    writer.CloseBlock();
                    writer.OpenBlock("else");
                    WriteVariable(writer, node, property, variable);
                    writer.CloseBlock();
                }
                else
                {
                    WriteVariable(writer, node, property, variable);
                }
            }
        }

        writer.WriteLine("return writer.ToStringAndClear();");
        writer.CloseBlock();
    }

    private static void WriteVariable(SourceWriter writer, NodeModel node, PropertyModel property, TemplateVariable variable)
    {
        string name = CSharpLiteral.String(variable.Name);
        TextForm text = property.Text!;
        if (property.Shape == ValueShape.Single)
        {
            string prefix = variable.Prefix > 0 ? ", " + CSharpLiteral.Int(variable.Prefix) : string.Empty;
            string call = Append(node, text, "writer.Append", $"{name}, ", $"this.{property.Name}", prefix);
            writer.WriteLine(text.IsNullableValueType ? $"if (this.{property.Name}.HasValue) {call}" : call);
            return;
        }

        // A list or map: null is undefined; so is one with no defined member (RFC 6570 §2.3).
        string local = "__" + property.Name;
        string explode = CSharpLiteral.Bool(variable.Explode);
        writer.OpenBlock(property.IsReferenceType || property.IsNullableValueType
            ? $"if (this.{property.Name} is {{ }} {local})"
            : $"var {local} = this.{property.Name};");
        if (property.Shape == ValueShape.List)
        {
            writer.WriteLine($"writer.BeginList({name}, {explode});");
            writer.WriteLine($"foreach (var __item in {local})");
            writer.WriteLine("    " + Guarded(text, "__item", Append(node, text, "writer.AppendItem", string.Empty, "__item", string.Empty)));
        }
        else
        {
            writer.WriteLine($"writer.BeginMap({name}, {explode});");
            writer.WriteLine($"foreach (var __pair in {local})");
            writer.WriteLine("    " + Guarded(text, "__pair.Value", Append(node, text, "writer.AppendEntry", "__pair.Key, ", "__pair.Value", string.Empty)));
        }

        writer.CloseBlock();
    }

    // "writer.AppendItemFormattable(__item, null);" and the like: the call that writes one
    // value of this text form. Nullable value types are unwrapped; the caller guards null.
    private static string Append(NodeModel node, TextForm text, string method, string leading, string value, string trailing)
    {
        string unwrapped = text.IsNullableValueType ? $"{value}.GetValueOrDefault()" : value;
        string format = CSharpLiteral.String(text.FormatString);
        return text.Format switch
        {
            ValueFormat.String => $"{StringMethod(method)}({leading}{value}{trailing});",
            ValueFormat.Char => $"{method}Char({leading}{unwrapped}{trailing});",
            ValueFormat.Boolean => $"{method}Boolean({leading}{unwrapped}{trailing});",
            ValueFormat.Enum => $"{StringMethod(method)}({leading}{EnumNameMethod(node, text)}({unwrapped}){trailing});",
            ValueFormat.SpanFormattable => $"{method}Formattable({leading}{unwrapped}, {format}{trailing});",
            _ when text.IsReferenceType || text.IsNullableValueType =>
                $"{StringMethod(method)}({leading}{value}?.ToString({format}, global::System.Globalization.CultureInfo.InvariantCulture){trailing});",
            _ => $"{StringMethod(method)}({leading}{value}.ToString({format}, global::System.Globalization.CultureInfo.InvariantCulture){trailing});",
        };
    }

    // The string overloads: AppendString for single values, AppendItem and AppendEntry for members.
    private static string StringMethod(string method) => method == "writer.Append" ? "writer.AppendString" : method;

    // Members that are Nullable<T> are skipped when null (the string overloads skip null themselves).
    private static string Guarded(TextForm text, string value, string call)
        => text.IsNullableValueType ? $"if ({value}.HasValue) {call}" : call;

    // Enums are written by name through a generated switch, so the value is not boxed.
    private static void WriteEnumNames(SourceWriter writer, NodeModel node)
    {
        foreach (TextForm text in EnumForms(node))
        {
            writer.WriteLine();
            writer.OpenBlock($"private static string {EnumNameMethod(node, text)}({text.TypeName} value) => value switch");
            foreach (string member in text.EnumMembers)
            {
                writer.WriteLine($"{text.TypeName}.{member} => {CSharpLiteral.String(member)},");
            }

            writer.WriteLine("_ => value.ToString(),");
            writer.CloseBlock(";");
        }
    }

    private static List<TextForm> EnumForms(NodeModel node)
    {
        var forms = new List<TextForm>();
        foreach (PropertyModel property in node.Properties)
        {
            if (property.Text is { Format: ValueFormat.Enum } text && !forms.Exists(f => f.TypeName == text.TypeName))
            {
                forms.Add(text);
            }
        }

        return forms;
    }

    private static string EnumNameMethod(NodeModel node, TextForm text)
        => "__SdkNodesNameOf" + (EnumForms(node).FindIndex(f => f.TypeName == text.TypeName) + 1);
}
