using System.Linq;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Emitting;

internal static partial class NodeEmitter
{
    // [FormField]s alone make a URL-encoded form; any [FilePart] makes it multipart/form-data,
    // with the fields and files in declaration order. Each value is text exactly as a header's
    // would be; a list repeats its field; null leaves the field out (the body types skip it).
    private static void WriteFormBody(SourceWriter writer, NodeModel node)
    {
        PropertyModel[] parts = node.Properties.Where(p => p.Binding is PropertyBinding.FormField or PropertyBinding.FilePart).ToArray();
        if (parts.Length == 0)
        {
            return;
        }

        bool multipart = parts.Any(p => p.Binding == PropertyBinding.FilePart);
        writer.WriteLine(multipart
            ? $"var __form = new {Generated}.MultipartBody();"
            : $"var __form = new {Generated}.FormBody();");
        foreach (PropertyModel part in parts)
        {
            string name = CSharpLiteral.String(part.BindsTo);
            if (part.Binding == PropertyBinding.FilePart)
            {
                writer.WriteLine($"__form.AddFile({name}, this.{part.Name});");
            }
            else if (part.Shape == ValueShape.List)
            {
                // Strings are already text; other items are formatted one by one, lazily.
                string items = part.Text!.Format == ValueFormat.String
                    ? $"this.{part.Name}"
                    : $"this.{part.Name} is null ? null : global::System.Linq.Enumerable.Select(this.{part.Name}, static __item => {TextOf(node, part.Text!, "__item")})";
                writer.WriteLine($"__form.{(multipart ? "AddFieldEach" : "AddEach")}({name}, {items});");
            }
            else
            {
                writer.WriteLine($"__form.{(multipart ? "AddField" : "Add")}({name}, {TextOf(node, part.Text!, $"this.{part.Name}")});");
            }
        }

        writer.WriteLine(multipart
            ? $"{Generated}.NodeRequest.SetMultipartBody(request, __form);"
            : $"{Generated}.NodeRequest.SetFormBody(request, __form);");
    }
}
