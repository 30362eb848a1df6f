using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Diagnostics;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

internal sealed partial class NodeParser
{
    // A property while it is being bound; becomes a PropertyModel.
    private sealed class PropertyDraft(IPropertySymbol symbol)
    {
        public IPropertySymbol Symbol { get; } = symbol;

        public string? HeaderName { get; set; }

        public AttributeData? BodyAttribute { get; set; }

        public AttributeData? HeaderAttribute { get; set; }

        public string? UriParam { get; set; }

        public bool IsSecret { get; set; }

        public string? Format { get; set; }

        public AttributeData? FormFieldAttribute { get; set; }

        public AttributeData? FilePartAttribute { get; set; }

        public AttributeData? ContentTypeAttribute { get; set; }

        /// <summary>The form field or file part name: the attribute's, else the property's in camelCase.</summary>
        public string? PartName { get; set; }

        public bool IsFormPart => FormFieldAttribute is not null || FilePartAttribute is not null;
    }

    // One model per draft, in the same order: a template variable's Property indexes both lists.
    private List<PropertyModel> ToModels(List<PropertyDraft> drafts, VariableBinding binding)
    {
        var models = new List<PropertyModel>(drafts.Count);
        for (int i = 0; i < drafts.Count; i++)
        {
            models.Add(ToModel(drafts[i], binding.VariableOf(i), binding.Suggested.Contains(i)));
        }

        return models;
    }

    // Public settable properties of the node and its base classes; a property the node hides
    // or overrides is taken once, from the most derived class.
    private List<PropertyDraft> CollectProperties()
    {
        var drafts = new List<PropertyDraft>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? type = _type; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                if (IsNodeProperty(member) && names.Add(member.Name))
                {
                    drafts.Add(ReadPropertyAttributes((IPropertySymbol)member));
                }
            }
        }

        return drafts;
    }

    // What makes a member one of the node's parameters: a public settable instance property.
    private static bool IsNodeProperty(ISymbol member)
        => member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, SetMethod: not null };

    private PropertyDraft ReadPropertyAttributes(IPropertySymbol property)
    {
        var draft = new PropertyDraft(property);
        foreach (AttributeData attribute in property.GetAttributes())
        {
            switch (AttributeName(attribute))
            {
                case "HeaderAttribute" when attribute.ConstructorArguments.Length >= 1:
                    draft.HeaderAttribute = attribute;
                    draft.HeaderName = attribute.ConstructorArguments[0].Value as string;
                    break;
                case "BodyAttribute":
                    draft.BodyAttribute = attribute;
                    break;
                case "UriParamAttribute" when attribute.ConstructorArguments.Length == 1:
                    draft.UriParam = attribute.ConstructorArguments[0].Value as string;
                    break;
                case "SecretAttribute":
                    draft.IsSecret = true;
                    break;
                case "FormatAttribute" when attribute.ConstructorArguments.Length == 1:
                    draft.Format = attribute.ConstructorArguments[0].Value as string;
                    break;
                case "FormFieldAttribute":
                    draft.FormFieldAttribute = attribute;
                    draft.PartName = PartName(attribute, property);
                    break;
                case "FilePartAttribute":
                    draft.FilePartAttribute = attribute;
                    draft.PartName = PartName(attribute, property);
                    break;
                case "ContentTypeAttribute":
                    draft.ContentTypeAttribute = attribute;
                    break;
            }
        }

        if (draft.HeaderAttribute is not null)
        {
            CheckHeaderProperty(draft);
        }

        return draft;
    }

    // SDKN019's first argument for a header on a property: which property, of which node.
    private string HeaderPlace(PropertyDraft draft) => $"[Header] on property '{draft.Symbol.Name}' of '{_name}'";

    private void CheckHeaderProperty(PropertyDraft draft)
    {
        Location? location = _reporter.ArgumentLocation(draft.HeaderAttribute!, 0);
        if (draft.HeaderAttribute!.ConstructorArguments.Length == 2)
        {
            _reporter.Report(
                DiagnosticDescriptors.InvalidHeader,
                location,
                HeaderPlace(draft),
                $"[Header(name, value)] gives a fixed value; on a property write [Header(\"{draft.HeaderName}\")] and the property's value is sent");
            return;
        }

        if (HeaderRules.NameProblem(draft.HeaderName) is { } problem)
        {
            _reporter.Report(DiagnosticDescriptors.InvalidHeader, location, HeaderPlace(draft), problem);
        }

        if (ValueTypes.ShapeOf(draft.Symbol.Type, out _) != ValueShape.Single || ValueTypes.TextFormOf(draft.Symbol.Type, draft.Format) is null)
        {
            _reporter.Report(
                DiagnosticDescriptors.UnsupportedType,
                IdentifierLocation(draft.Symbol),
                draft.Symbol.Name,
                draft.Symbol.Type.ToDisplayString(ValueTypes.ShortWithNullability),
                "sent as a header");
        }
    }

    /// <param name="draft">The property.</param>
    /// <param name="variable">The template variable bound to it, or null.</param>
    /// <param name="isSuggested">True when SDKN004 already suggests it for a misspelt variable.</param>
    private PropertyModel ToModel(PropertyDraft draft, string? variable, bool isSuggested)
    {
        IPropertySymbol symbol = draft.Symbol;
        PropertyBinding binding = draft.BodyAttribute is not null ? PropertyBinding.Body
            : draft.HeaderAttribute is not null ? PropertyBinding.Header
            : draft.FilePartAttribute is not null ? PropertyBinding.FilePart
            : draft.FormFieldAttribute is not null ? PropertyBinding.FormField
            : variable is not null ? PropertyBinding.UriVariable
            : PropertyBinding.None;

        // Only the node's own properties: an unused one inherited from a shared base is fine.
        if (binding == PropertyBinding.None && !isSuggested && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, _type))
        {
            _reporter.Report(DiagnosticDescriptors.UnboundProperty, IdentifierLocation(symbol), symbol.Name, _name);
        }

        ValueTypes.Underlying(symbol.Type, out bool isNullableValueType);
        ValueShape shape = ValueTypes.ShapeOf(symbol.Type, out ITypeSymbol valueType);
        bool isReferenceType = symbol.Type.IsReferenceType;
        bool isRequired = symbol.IsRequired || (isReferenceType && symbol.Type.NullableAnnotation == NullableAnnotation.NotAnnotated);
        string type = symbol.Type.ToDisplayString(ValueTypes.FullyQualifiedWithNullability);
        return new PropertyModel(
            Name: symbol.Name,
            Type: type,
            TypeOf: ValueTypes.TypeOf(symbol.Type, type),
            TypeDisplayName: symbol.Type.ToDisplayString(ValueTypes.ShortWithNullability),
            IsSecret: draft.IsSecret,
            IsRequired: isRequired,
            IsRequiredMember: symbol.IsRequired,
            IsReferenceType: isReferenceType,
            IsNullableValueType: isNullableValueType,
            Binding: binding,
            BindsTo: binding switch
            {
                PropertyBinding.UriVariable => variable,
                PropertyBinding.Header => draft.HeaderName,
                PropertyBinding.FormField or PropertyBinding.FilePart => draft.PartName,
                _ => null,
            },
            Shape: shape,
            Text: binding is PropertyBinding.UriVariable or PropertyBinding.Header or PropertyBinding.FormField ? ValueTypes.TextFormOf(valueType, draft.Format) : null,
            Parse: IsNodeFile(symbol.Type) ? new ParseForm(ParseKind.File, "global::SdkNodes.NodeFile", false) : ValueTypes.ParseFormOf(symbol.Type),
            BodyFormat: binding == PropertyBinding.Body ? BodyFormatOf(symbol.Type) : BodyFormat.Json,
            ContentType: binding == PropertyBinding.Body ? ContentTypeOf(draft) : null);
    }
}
