using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

        public string? BoundVariable { get; set; }

        public bool IsSuggested { get; set; }

        public AttributeData? FormFieldAttribute { get; set; }

        public AttributeData? FilePartAttribute { get; set; }

        public AttributeData? ContentTypeAttribute { get; set; }

        /// <summary>The form field or file part name: the attribute's, else the property's in camelCase.</summary>
        public string? PartName { get; set; }

        public bool IsFormPart => FormFieldAttribute is not null || FilePartAttribute is not null;
    }

    private List<PropertyModel> ReadProperties(string method, bool isSendObject, List<TemplatePart> parts)
    {
        List<PropertyDraft> drafts = CollectProperties();
        CheckBodies(drafts, method, isSendObject);
        BindVariables(drafts, parts);

        var models = new List<PropertyModel>();
        foreach (PropertyDraft draft in drafts)
        {
            models.Add(ToModel(draft));
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
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, SetMethod: not null } property
                    && names.Add(property.Name))
                {
                    drafts.Add(ReadPropertyAttributes(property));
                }
            }
        }

        return drafts;
    }

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

    private void BindVariables(List<PropertyDraft> drafts, List<TemplatePart> parts)
    {
        for (int p = 0; p < parts.Count; p++)
        {
            TemplatePart part = parts[p];
            if (part.Literal is not null)
            {
                continue;
            }

            var bound = new List<TemplateVariable>();
            foreach (TemplateVariable variable in part.Variables)
            {
                PropertyDraft? property = BindVariable(drafts, variable);
                bound.Add(variable with { Property = property?.Symbol.Name });
            }

            parts[p] = part with { Variables = bound.ToEquatableArray() };
        }
    }

    private PropertyDraft? BindVariable(List<PropertyDraft> drafts, TemplateVariable variable)
    {
        Location? location = _reporter.LocationInString(_nodeAttribute, 1, null, variable.Offset, variable.Name.Length);
        List<PropertyDraft> matches = drafts.Where(d => Binds(d, variable.Name)).ToList();
        if (matches.Count == 0)
        {
            (string? suggestion, string hint) = Suggestion(drafts, variable.Name);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.Variable, variable.Name)
                .Add(FixProperties.Suggestion, suggestion);
            _reporter.Report(DiagnosticDescriptors.UnknownVariable, location, properties, variable.Name, _name, hint);
            return null;
        }

        if (matches.Count > 1)
        {
            _reporter.Report(DiagnosticDescriptors.VariableBoundTwice, location, matches[0].Symbol.Name, matches[1].Symbol.Name, variable.Name);
            return null;
        }

        PropertyDraft match = matches[0];
        match.BoundVariable = variable.Name;
        CheckVariableType(match, variable);
        if (match.IsSecret)
        {
            _reporter.Report(DiagnosticDescriptors.SecretInUrl, location, match.Symbol.Name);
        }

        return match;
    }

    private void CheckVariableType(PropertyDraft property, TemplateVariable variable)
    {
        ITypeSymbol type = property.Symbol.Type;
        ValueShape shape = ValueTypes.ShapeOf(type, out ITypeSymbol valueType);
        string typeName = type.ToDisplayString(ValueTypes.ShortWithNullability);
        if (ValueTypes.TextFormOf(valueType, property.Format) is null)
        {
            _reporter.Report(DiagnosticDescriptors.UnsupportedType, IdentifierLocation(property.Symbol), property.Symbol.Name, typeName, "expanded into a URI");
            return;
        }

        int modifierAt = variable.Offset + variable.Name.Length;
        if (variable.Explode && shape == ValueShape.Single)
        {
            // RFC 6570 §3.2.1: explode only changes how a list or map expands, so a single
            // value expands as without '*' (the emitter ignores it); warn that it does nothing.
            _reporter.Report(
                DiagnosticDescriptors.ExplodeOnSingleValue,
                _reporter.LocationInString(_nodeAttribute, 1, null, modifierAt, 1),
                variable.Name,
                _name,
                property.Symbol.Name,
                typeName);
        }
        else if (variable.Prefix > 0 && shape != ValueShape.Single)
        {
            string digits = variable.Prefix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _reporter.Report(
                DiagnosticDescriptors.MalformedTemplate,
                _reporter.LocationInString(_nodeAttribute, 1, null, modifierAt, digits.Length + 1),
                _name,
                $"a prefix cuts a string, but '{property.Symbol.Name}' is a {(shape == ValueShape.List ? "list" : "map")} of type '{typeName}' (RFC 6570 §2.4.1)");
        }
    }

    private static bool Binds(PropertyDraft draft, string variable)
    {
        if (draft.HeaderAttribute is not null || draft.BodyAttribute is not null || draft.IsFormPart)
        {
            return false;
        }

        string name = draft.UriParam ?? draft.Symbol.Name;
        return string.Equals(name, variable, StringComparison.OrdinalIgnoreCase);
    }

    private static (string? Property, string Hint) Suggestion(List<PropertyDraft> drafts, string variable)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (PropertyDraft draft in drafts)
        {
            if (draft.HeaderAttribute is not null || draft.BodyAttribute is not null || draft.IsFormPart || draft.BoundVariable is not null)
            {
                continue;
            }

            int distance = EditDistance.Compute(draft.Symbol.Name.ToLowerInvariant(), variable.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = draft.Symbol.Name;
                bestDistance = distance;
            }
        }

        if (best is not null && bestDistance <= Math.Max(2, variable.Length / 3))
        {
            // The suggested property is left unbound by the typo: one diagnostic says it all.
            drafts.First(d => d.Symbol.Name == best).IsSuggested = true;
            return (best, $"; did you mean '{best}'?");
        }

        return (null, $"; add a property named '{variable}', or bind one with [UriParam(\"{variable}\")]");
    }

    private PropertyModel ToModel(PropertyDraft draft)
    {
        IPropertySymbol symbol = draft.Symbol;
        PropertyBinding binding = draft.BodyAttribute is not null ? PropertyBinding.Body
            : draft.HeaderAttribute is not null ? PropertyBinding.Header
            : draft.FilePartAttribute is not null ? PropertyBinding.FilePart
            : draft.FormFieldAttribute is not null ? PropertyBinding.FormField
            : draft.BoundVariable is not null ? PropertyBinding.UriVariable
            : PropertyBinding.None;

        // Only the node's own properties: an unused one inherited from a shared base is fine.
        if (binding == PropertyBinding.None && !draft.IsSuggested && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, _type))
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
            IsReferenceType: isReferenceType,
            IsNullableValueType: isNullableValueType,
            Binding: binding,
            BindsTo: binding switch
            {
                PropertyBinding.UriVariable => draft.BoundVariable,
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
