using System.Globalization;
using System.Linq;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Emitting;

internal static partial class NodeEmitter
{
    private static void WriteDescriptor(SourceWriter writer, NodeModel node)
    {
        writer.WriteLine("/// <summary>What the build knows about this node: parameters, success codes, error map, timeout.</summary>");
        writer.OpenBlock($"public static {Runtime}.NodeDescriptor Descriptor {{ get; }} = new {Runtime}.NodeDescriptor");
        writer.WriteLine($"Name = {CSharpLiteral.String(node.ClassName)},");
        writer.WriteLine($"FullName = {CSharpLiteral.String(node.FullName)},");
        // Members left at their defaults are not written: each assignment is binding work for
        // the compiler, in every build and every IDE compile.
        if (node.IsSendObject)
        {
            writer.WriteLine($"Kind = {Runtime}.NodeKind.SendObject,");
        }

        writer.WriteLine($"Method = {CSharpLiteral.String(node.Method)},");
        writer.WriteLine($"UriTemplate = {CSharpLiteral.String(node.UriTemplate)},");
        if (node.IsRelative)
        {
            writer.WriteLine("IsRelative = true,");
        }

        WriteParameters(writer, node);
        if (node.SuccessCodes.Count > 0)
        {
            writer.WriteLine($"SuccessCodes = new int[] {{ {string.Join(", ", node.SuccessCodes.Select(CSharpLiteral.Int))} }},");
        }

        if (node.StatusMessages.Count > 0)
        {
            writer.OpenBlock("StatusMessages = new global::System.Collections.Generic.Dictionary<int, string>");
            foreach (StatusMessageModel message in node.StatusMessages)
            {
                writer.WriteLine($"[{CSharpLiteral.Int(message.Status)}] = {CSharpLiteral.String(message.Message)},");
            }

            writer.CloseBlock(",");
        }

        if (node.ErrorCodeMessages.Count > 0)
        {
            writer.OpenBlock("ErrorCodeMessages = new global::System.Collections.Generic.Dictionary<string, string>");
            foreach (CodeMessageModel message in node.ErrorCodeMessages)
            {
                writer.WriteLine($"[{CSharpLiteral.String(message.Code)}] = {CSharpLiteral.String(message.Message)},");
            }

            writer.CloseBlock(",");
        }

        if (node.ErrorCodeField is { } field)
        {
            writer.OpenBlock($"ErrorCodeField = new {Runtime}.ErrorCodeField");
            writer.WriteLine($"Pointer = {CSharpLiteral.String(field.Pointer)},");
            writer.WriteLine($"PointerTokens = {StringArray(field.PointerTokens)},");
            writer.WriteLine($"Success = {CSharpLiteral.String(field.Success)},");
            writer.WriteLine($"MessagePointer = {CSharpLiteral.String(field.MessagePointer)},");
            writer.WriteLine($"MessagePointerTokens = {(field.MessagePointerTokens is { } tokens ? StringArray(tokens) : "null")},");
            writer.CloseBlock(",");
        }

        if (node.AbortOnFailure)
        {
            writer.WriteLine($"FailureAction = {Runtime}.FailureAction.Abort,");
        }

        if (node.TimeoutTicks is long ticks)
        {
            writer.WriteLine($"Timeout = global::System.TimeSpan.FromTicks({ticks.ToString(CultureInfo.InvariantCulture)}L),");
        }

        if (node.MaxResponseBytes is long maxBytes)
        {
            writer.WriteLine($"MaxResponseBytes = {maxBytes.ToString(CultureInfo.InvariantCulture)}L,");
        }

        if (node.UseProxy)
        {
            writer.WriteLine("UseProxy = true,");
        }

        if (node.MaxRedirects > 0)
        {
            writer.WriteLine($"MaxRedirects = {CSharpLiteral.Int(node.MaxRedirects)},");
        }

        if (!node.ValidateCertificate)
        {
            writer.WriteLine("ValidateCertificate = false,");
        }

        WriteResilience(writer, node);
        if (node.ResponseType is not null)
        {
            writer.WriteLine($"ResponseType = typeof({node.ResponseTypeOf}),");
            writer.WriteLine($"ResponseTypeName = {CSharpLiteral.String(node.ResponseTypeName)},");
        }

        if (node.AllowsEmptyResponse)
        {
            writer.WriteLine("AllowsEmptyResponse = true,");
        }

        if (node.HasFromValues)
        {
            writer.WriteLine("CreateFromValues = FromValues,");
        }

        string[] secretHeaders = node.Properties.Where(p => p.IsSecret && p.Binding == PropertyBinding.Header).Select(p => p.BindsTo!).ToArray();
        if (secretHeaders.Length > 0)
        {
            writer.WriteLine($"SecretHeaders = new string[] {{ {string.Join(", ", secretHeaders.Select(CSharpLiteral.String))} }},");
        }

        writer.CloseBlock(";");
        writer.WriteLine();
        writer.WriteLine($"{Runtime}.NodeDescriptor {Runtime}.IGeneratedNode.Descriptor => Descriptor;");
    }

    private static void WriteParameters(SourceWriter writer, NodeModel node)
    {
        if (node.Properties.Count == 0)
        {
            return;
        }

        // One constructor call per parameter (name, type, type as written, binding, what it
        // binds to), cheaper to compile than an object initializer.
        writer.OpenBlock($"Parameters = new {Runtime}.NodeParameter[]");
        foreach (PropertyModel property in node.Properties)
        {
            string flags = (property.IsRequired ? ", isRequired: true" : string.Empty) + (property.IsSecret ? ", isSecret: true" : string.Empty);
            writer.WriteLine($"new({CSharpLiteral.String(property.Name)}, typeof({property.TypeOf}), {CSharpLiteral.String(property.TypeDisplayName)}, {Runtime}.NodeParameterBinding.{property.Binding}, {CSharpLiteral.String(property.BindsTo)}{flags}),");
        }

        writer.CloseBlock(",");
    }

    private static string StringArray(EquatableArray<string> items)
        => items.Count == 0 ? "global::System.Array.Empty<string>()" : $"new string[] {{ {string.Join(", ", items.Select(CSharpLiteral.String))} }}";
}
