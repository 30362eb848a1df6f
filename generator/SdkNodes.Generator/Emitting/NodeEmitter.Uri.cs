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
        var properties = new Dictionary<string, PropertyModel>();
        foreach (PropertyModel property in node.Properties)
        {
            properties[property.Name] = property;
        }

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
                PropertyModel property = properties[variable.Property!];
                string append = AppendCall(property, variable);
                if (property.IsSecret)
                {
                    writer.WriteLine("if (redactSecrets)");
                    writer.WriteLine($"    writer.AppendRedacted({CSharpLiteral.String(variable.Name)}, this.{property.Name} is not null);");
                    writer.WriteLine("else");
                    writer.WriteLine($"    {append}");
                }
                else
                {
                    writer.WriteLine(append);
                }
            }
        }

        writer.WriteLine("return writer.ToStringAndClear();");
        writer.CloseBlock();
    }

    private static string AppendCall(PropertyModel property, TemplateVariable variable)
    {
        string name = CSharpLiteral.String(variable.Name);
        string prefix = variable.Prefix > 0 ? ", " + CSharpLiteral.Int(variable.Prefix) : string.Empty;
        string value = $"this.{property.Name}";
        string format = CSharpLiteral.String(property.FormatString);
        string call = property.Format switch
        {
            ValueFormat.String => $"writer.AppendString({name}, {value}{prefix});",
            ValueFormat.Char => $"writer.AppendChar({name}, {Unwrapped(property)}{prefix});",
            ValueFormat.Boolean => $"writer.AppendBoolean({name}, {Unwrapped(property)}{prefix});",
            ValueFormat.SpanFormattable => $"writer.AppendFormattable({name}, {Unwrapped(property)}, {format}{prefix});",
            _ => $"writer.AppendString({name}, {value}?.ToString({format}, global::System.Globalization.CultureInfo.InvariantCulture){prefix});",
        };

        if (property.IsNullableValueType)
        {
            // null is undefined: nothing is written (RFC 6570 §2.3).
            return $"if (this.{property.Name}.HasValue) {call}";
        }

        return call;
    }

    private static string Unwrapped(PropertyModel property)
        => property.IsNullableValueType ? $"this.{property.Name}.GetValueOrDefault()" : $"this.{property.Name}";
}
