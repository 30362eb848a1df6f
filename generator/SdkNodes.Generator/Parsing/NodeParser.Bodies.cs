using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Diagnostics;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

// The request body: one [Body] property (JSON, or raw text or bytes), or form fields and file
// parts (a URL-encoded form, or multipart/form-data when there is a file).
internal sealed partial class NodeParser
{
    /// <summary>Checks the body properties; returns the type of the one [Body] property, or null when there is not exactly one.</summary>
    private ITypeSymbol? CheckBodies(List<PropertyDraft> drafts, string method, bool isSendObject)
    {
        List<PropertyDraft> bodies = drafts.Where(d => d.BodyAttribute is not null).ToList();
        List<PropertyDraft> parts = drafts.Where(d => d.BodyAttribute is null && d.IsFormPart).ToList();
        if (bodies.Count > 1)
        {
            _reporter.Report(
                DiagnosticDescriptors.BodyCount,
                _reporter.SyntaxOf(bodies[1].BodyAttribute!)?.GetLocation(),
                _name,
                $"more than one [Body] property ('{bodies[0].Symbol.Name}' and '{bodies[1].Symbol.Name}')",
                "a request has one body");
        }

        if (bodies.Count == 0 && isSendObject)
        {
            _reporter.Report(
                DiagnosticDescriptors.BodyCount,
                IdentifierLocation(_type),
                _name,
                "no [Body] property",
                "it sends a data object, so it needs one holding the record");
        }

        if (bodies.Count > 0 && parts.Count > 0)
        {
            _reporter.Report(
                DiagnosticDescriptors.BodyWithFormFields,
                _reporter.SyntaxOf(bodies[0].BodyAttribute!)?.GetLocation(),
                _name,
                bodies[0].Symbol.Name,
                string.Join(", ", parts.Select(p => $"'{p.Symbol.Name}'")));
        }

        if (method is "GET" or "HEAD")
        {
            foreach (PropertyDraft draft in drafts)
            {
                AttributeData? attribute = draft.BodyAttribute ?? draft.FormFieldAttribute ?? draft.FilePartAttribute;
                if (attribute is not null)
                {
                    _reporter.Report(DiagnosticDescriptors.BodyNotAllowed, _reporter.SyntaxOf(attribute)?.GetLocation(), _name, method, AttributeShortName(attribute), draft.Symbol.Name);
                }
            }
        }

        foreach (PropertyDraft draft in drafts)
        {
            CheckFormPart(draft);
            CheckContentType(draft);
        }

        return bodies.Count == 1 ? bodies[0].Symbol.Type : null;
    }

    private void CheckFormPart(PropertyDraft draft)
    {
        ITypeSymbol type = draft.Symbol.Type;
        if (draft.FilePartAttribute is not null && !IsNodeFile(type))
        {
            _reporter.Report(
                DiagnosticDescriptors.FilePartNotAFile,
                _reporter.SyntaxOf(draft.FilePartAttribute)?.GetLocation(),
                draft.Symbol.Name,
                _name,
                type.ToDisplayString(ValueTypes.ShortWithNullability));
        }
        else if (draft.FilePartAttribute is null && draft.FormFieldAttribute is not null
            && (ValueTypes.ShapeOf(type, out ITypeSymbol valueType) == ValueShape.Map || ValueTypes.TextFormOf(valueType, draft.Format) is null))
        {
            // A single value or a list (the field repeated); a map has no form encoding.
            _reporter.Report(
                DiagnosticDescriptors.UnsupportedType,
                IdentifierLocation(draft.Symbol),
                draft.Symbol.Name,
                type.ToDisplayString(ValueTypes.ShortWithNullability),
                "sent as a form field");
        }
    }

    private void CheckContentType(PropertyDraft draft)
    {
        if (draft.ContentTypeAttribute is not { } attribute)
        {
            return;
        }

        string? reason = draft.BodyAttribute is null
            ? $"'{draft.Symbol.Name}' is not a [Body] property"
            : BodyFormatOf(draft.Symbol.Type) == BodyFormat.Json
                ? $"[Body] '{draft.Symbol.Name}' of type '{draft.Symbol.Type.ToDisplayString(ValueTypes.ShortWithNullability)}' is sent as JSON, always application/json"
                : null;
        if (reason is not null)
        {
            _reporter.Report(DiagnosticDescriptors.ContentTypeNotOnRawBody, _reporter.SyntaxOf(attribute)?.GetLocation(), draft.Symbol.Name, _name, reason);
            return;
        }

        string? mediaType = ContentTypeOf(draft);
        if (MediaTypeRules.Problem(mediaType) is { } problem)
        {
            _reporter.Report(DiagnosticDescriptors.MalformedContentType, _reporter.ArgumentLocation(attribute, 0), draft.Symbol.Name, mediaType ?? string.Empty, problem);
        }
    }

    private static string? ContentTypeOf(PropertyDraft draft)
        => draft.ContentTypeAttribute is { ConstructorArguments.Length: 1 } attribute ? attribute.ConstructorArguments[0].Value as string : null;

    // [FormField("name")] names the field; without a name it is the property's name in camelCase,
    // the convention of the JSON bodies the same API most likely takes.
    private static string PartName(AttributeData attribute, IPropertySymbol property)
    {
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
        {
            return name;
        }

        string text = property.Name;
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);
    }

    private static string AttributeShortName(AttributeData attribute)
    {
        string name = attribute.AttributeClass?.Name ?? "Body";
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private static bool IsNodeFile(ITypeSymbol type) => SymbolNames.Is(type, "SdkNodes", "NodeFile");

    // Raw bodies are the types that already are text or bytes; anything else is serialized as JSON.
    private static BodyFormat BodyFormatOf(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return BodyFormat.Text;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }
            || IsNodeFile(type)
            || (type is INamedTypeSymbol { Arity: 1 } named && SymbolNames.Is(named, "System", "ReadOnlyMemory") && named.TypeArguments[0].SpecialType == SpecialType.System_Byte))
        {
            return BodyFormat.Binary;
        }

        for (ITypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == "Stream" && t.ContainingNamespace is { Name: "IO" } io && SymbolNames.Is(io, "System", "IO"))
            {
                return BodyFormat.Binary;
            }
        }

        return BodyFormat.Json;
    }
}
