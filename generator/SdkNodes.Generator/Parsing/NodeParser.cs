using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SdkNodes.Generator.Diagnostics;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

/// <summary>
/// Reads a node class into a <see cref="NodeModel"/>, reporting every rule it breaks. The
/// analyzer reports what this finds; the generator emits the model, which is null when the
/// node has errors.
/// </summary>
internal sealed partial class NodeParser
{
    private static readonly string[] s_methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"];

    private readonly INamedTypeSymbol _type;
    private readonly AttributeData _nodeAttribute;
    private readonly DiagnosticReporter _reporter;
    private readonly string _name;

    private NodeParser(INamedTypeSymbol type, AttributeData nodeAttribute, DiagnosticReporter reporter)
    {
        _type = type;
        _nodeAttribute = nodeAttribute;
        _reporter = reporter;
        _name = type.Name;
    }

    /// <summary>
    /// Parses a node class, read through <paramref name="nodeAttribute"/> (the one
    /// <see cref="NodeAttributes.Choose"/> gives). Returns null when an error was reported.
    /// </summary>
    public static NodeModel? Parse(INamedTypeSymbol type, AttributeData nodeAttribute, DiagnosticReporter reporter)
        => new NodeParser(type, nodeAttribute, reporter).Parse();

    // Each step takes what it needs as arguments and returns what it found; the only state the
    // steps share is the reporter, which collects the diagnostics.
    private NodeModel? Parse()
    {
        if (_nodeAttribute.ConstructorArguments.Length != 2
            || _nodeAttribute.ConstructorArguments[0].Value is not string rawMethod
            || _nodeAttribute.ConstructorArguments[1].Value is not string template)
        {
            // Missing or non-constant arguments: the compiler reports those.
            return null;
        }

        bool isSendObject = NodeAttributes.IsSendObject(_nodeAttribute);
        bool isPartial = CheckPartial();
        CheckSingleNodeAttribute();
        (List<ContainingTypeModel> containers, bool containersArePartial) = ReadContainingTypes();
        string method = ReadMethod(rawMethod);
        (string? responseType, string? responseTypeOf, string? responseTypeName, bool allowsEmpty) = ReadResponseType(method);

        List<TemplatePart> parsed = ReadTemplate(template);
        List<PropertyDraft> drafts = CollectProperties();
        ITypeSymbol? bodyType = CheckBodies(drafts, method, isSendObject);
        VariableBinding binding = BindVariables(drafts, parsed);
        List<PropertyModel> properties = ToModels(drafts, binding);
        ClassSettings settings = ClassAttributes.Read(this);
        ResilienceSettings resilience = ResilienceAttributes.Read(this, method);
        List<BodyFieldModel> bodyFields = ReadFields(bodyType);

        NodeContent content;
        if (!_reporter.HasErrors)
        {
            content = new NodeContent(binding.Parts, properties, bodyFields, settings, resilience);
        }
        else if (isPartial && containersArePartial)
        {
            // A partial node with errors still gets its public members (throwing stubs), so
            // the compiler's "no such member" errors do not hide SdkNodes' own diagnostics.
            content = NodeContent.Stub;
        }
        else
        {
            return null;
        }

        return new NodeModel(
            HasErrors: _reporter.HasErrors,
            Namespace: _type.ContainingNamespace.IsGlobalNamespace ? string.Empty : _type.ContainingNamespace.ToDisplayString(),
            ClassName: _type.Name,
            Keyword: _type.IsRecord ? "record" : "class",
            TypeParameters: TypeParameterList(_type),
            ContainingTypes: containers.ToEquatableArray(),
            FullName: _type.ToDisplayString(),
            FullyQualifiedName: _type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            IsSendObject: isSendObject,
            Method: method,
            UriTemplate: template,
            IsRelative: !UriTemplateParser.IsAbsolute(template),
            TemplateParts: content.TemplateParts.ToEquatableArray(),
            Properties: content.Properties.ToEquatableArray(),
            BodyFields: content.BodyFields.ToEquatableArray(),
            StaticHeaders: content.Settings.Headers,
            SuccessCodes: content.Settings.SuccessCodes,
            StatusMessages: content.Settings.StatusMessages,
            ErrorCodeMessages: content.Settings.CodeMessages,
            ErrorCodeField: content.Settings.ErrorCodeField,
            AbortOnFailure: content.Settings.AbortOnFailure,
            TimeoutTicks: content.Settings.TimeoutTicks,
            MaxResponseBytes: content.Settings.MaxResponseBytes,
            UseProxy: content.Settings.UseProxy,
            ValidateCertificate: content.Settings.ValidateCertificate,
            MaxRedirects: content.Settings.MaxRedirects,
            Retry: content.Resilience.Retry,
            IdempotencyKeyHeader: content.Resilience.IdempotencyKeyHeader,
            CircuitBreaker: content.Resilience.CircuitBreaker,
            RateLimit: content.Resilience.RateLimit,
            ResponseType: responseType,
            ResponseTypeOf: responseTypeOf,
            ResponseTypeName: responseTypeName,
            AllowsEmptyResponse: allowsEmpty,
            HasFromValues: CanBuildFromValues(_type));
    }

    /// <summary>True when the node class is partial; reports SDKN001 when it is not.</summary>
    private bool CheckPartial()
    {
        bool isPartial = IsPartial(_type);
        if (!isPartial)
        {
            _reporter.Report(DiagnosticDescriptors.NotPartial, IdentifierLocation(_type), _name);
        }

        return isPartial;
    }

    private void CheckSingleNodeAttribute()
    {
        int count = 0;
        foreach (AttributeData attribute in _type.GetAttributes())
        {
            if (NodeAttributes.IsNodeAttribute(attribute) && ++count == 2)
            {
                _reporter.Report(DiagnosticDescriptors.TwoNodeAttributes, _reporter.SyntaxOf(attribute)?.GetLocation(), _name);
            }
        }
    }

    /// <summary>The types the node is nested in, outermost first, and whether all of them are partial (SDKN001 for each that is not).</summary>
    private (List<ContainingTypeModel> Containers, bool AllPartial) ReadContainingTypes()
    {
        var containers = new List<ContainingTypeModel>();
        bool allPartial = true;
        for (INamedTypeSymbol? container = _type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (!IsPartial(container))
            {
                allPartial = false;
                _reporter.Report(DiagnosticDescriptors.NotPartial, IdentifierLocation(container), container.Name);
            }

            string keyword = container.TypeKind switch
            {
                TypeKind.Struct => container.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => container.IsRecord ? "record" : "class",
            };
            containers.Insert(0, new ContainingTypeModel(keyword, container.Name, TypeParameterList(container)));
        }

        return (containers, allPartial);
    }

    private string ReadMethod(string rawMethod)
    {
        string method = rawMethod.Trim().ToUpperInvariant();
        if (Array.IndexOf(s_methods, method) < 0)
        {
            _reporter.Report(DiagnosticDescriptors.UnsupportedMethod, _reporter.ArgumentLocation(_nodeAttribute, 0), rawMethod);
        }

        return method;
    }

    private (string? Type, string? TypeOf, string? Name, bool AllowsEmpty) ReadResponseType(string method)
    {
        INamedTypeSymbol? typed = null;
        bool untyped = false;
        foreach (INamedTypeSymbol candidate in _type.AllInterfaces)
        {
            if (!SymbolNames.Is(candidate, "SdkNodes", "IApiNode"))
            {
                continue;
            }

            if (candidate.Arity == 1)
            {
                typed = candidate;
            }
            else
            {
                untyped = true;
            }
        }

        if (typed is null)
        {
            if (!untyped)
            {
                _reporter.Report(DiagnosticDescriptors.MissingNodeInterface, IdentifierLocation(_type), _name);
            }

            return (null, null, null, true);
        }

        ITypeSymbol response = typed.TypeArguments[0];
        string shortName = response.ToDisplayString(ValueTypes.ShortWithNullability);
        if (method == "HEAD")
        {
            _reporter.Report(DiagnosticDescriptors.HeadWithBodyType, IdentifierLocation(_type), _name, shortName);
        }

        bool allowsEmpty = response.NullableAnnotation == NullableAnnotation.Annotated
                           || response.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        string fullName = response.ToDisplayString(ValueTypes.FullyQualifiedWithNullability);
        return (fullName, ValueTypes.TypeOf(response, fullName), shortName, allowsEmpty);
    }

    private List<TemplatePart> ReadTemplate(string template)
    {
        (List<TemplatePart> parts, List<TemplateError> errors) = UriTemplateParser.Parse(template);
        foreach (TemplateError error in errors)
        {
            _reporter.Report(
                DiagnosticDescriptors.MalformedTemplate,
                _reporter.LocationInString(_nodeAttribute, 1, null, error.Index, error.Length),
                _name,
                error.Message);
        }

        return parts;
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
            {
                return true;
            }
        }

        return false;
    }

    private Location? IdentifierLocation(ISymbol symbol) => _reporter.IdentifierLocation(symbol);

    // FromValues creates the node with an object initializer that sets every public settable
    // property: the class needs a parameterless constructor the generated code can call, and
    // each required member must be one of those properties (the initializer must set it).
    private static bool CanBuildFromValues(INamedTypeSymbol type)
    {
        if (type.IsAbstract || !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility != Accessibility.Private))
        {
            return false;
        }

        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                bool required = member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
                if (required && !IsNodeProperty(member))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string TypeParameterList(INamedTypeSymbol type)
        => type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";

    private static string? AttributeName(AttributeData attribute) => SymbolNames.SdkNodesAttribute(attribute);
}
