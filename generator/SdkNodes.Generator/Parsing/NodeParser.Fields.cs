using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Diagnostics;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

internal sealed partial class NodeParser
{
    /// <summary>
    /// [Fields(nameof(Rec.A), nameof(Rec.B))]: the members of the body record to push, each with
    /// its [JsonPropertyName] if it has one. Empty when the node pushes the whole record.
    /// </summary>
    /// <param name="bodyType">The type of the one [Body] property (from <see cref="CheckBodies"/>), or null when there is none.</param>
    private List<BodyFieldModel> ReadFields(ITypeSymbol? bodyType)
    {
        var fields = new List<BodyFieldModel>();
        foreach (AttributeData attribute in _type.GetAttributes())
        {
            if (AttributeName(attribute) != "FieldsAttribute"
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
            {
                continue;
            }

            if (bodyType is null)
            {
                _reporter.Report(
                    DiagnosticDescriptors.UnknownField,
                    _reporter.SyntaxOf(attribute)?.GetLocation(),
                    _name,
                    "selects members of the [Body] record, but the node has no [Body] property");
                continue;
            }

            var names = attribute.ConstructorArguments[0].Values;
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i].Value is not string name)
                {
                    continue;
                }

                if (FindMember(bodyType, name) is not { } member)
                {
                    _reporter.Report(
                        DiagnosticDescriptors.UnknownField,
                        _reporter.ArgumentLocation(attribute, names.Length == 1 ? 0 : i),
                        _name,
                        $"names '{name}', which is not a public member of '{bodyType.Name}'; write nameof({bodyType.Name}.Member)");
                }
                else if (!fields.Exists(f => f.Member == name))
                {
                    ITypeSymbol type = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
                    fields.Add(new BodyFieldModel(name, JsonNameOf(member), type.ToDisplayString(ValueTypes.FullyQualifiedWithNullability)));
                }
            }
        }

        return fields;
    }

    private static ISymbol? FindMember(ITypeSymbol type, string name)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers(name))
            {
                if (member is { IsStatic: false, DeclaredAccessibility: Accessibility.Public }
                    and (IPropertySymbol { GetMethod: not null, IsIndexer: false } or IFieldSymbol))
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static string? JsonNameOf(ISymbol member)
    {
        foreach (AttributeData attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "JsonPropertyNameAttribute" } type
                && type.ContainingNamespace is { Name: "Serialization", ContainingNamespace: { Name: "Json", ContainingNamespace.Name: "Text" } }
                && attribute.ConstructorArguments.Length == 1)
            {
                return attribute.ConstructorArguments[0].Value as string;
            }
        }

        return null;
    }
}
