using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Diagnostics;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

// Binding the template's variables to the node's properties. The binding is recorded once: in
// the template parts, each variable's Property is the index of its property. The property's
// side (its Binding and BindsTo) is read from those parts, and the emitter indexes with it.
internal sealed partial class NodeParser
{
    /// <summary>The template parts with each variable's property set, and the properties SDKN004 suggested.</summary>
    private sealed record VariableBinding(List<TemplatePart> Parts, HashSet<int> Suggested)
    {
        /// <summary>The first variable bound to the property at <paramref name="property"/>, or null.</summary>
        public string? VariableOf(int property)
        {
            foreach (TemplatePart part in Parts)
            {
                foreach (TemplateVariable variable in part.Variables)
                {
                    if (variable.Property == property)
                    {
                        return variable.Name;
                    }
                }
            }

            return null;
        }
    }

    private VariableBinding BindVariables(List<PropertyDraft> drafts, List<TemplatePart> parts)
    {
        // Every variable's match first, so the suggestion for a misspelt variable never names a
        // property another variable binds, whichever comes first in the template.
        var bound = new HashSet<int>();
        foreach (TemplatePart part in parts)
        {
            foreach (TemplateVariable variable in part.Variables)
            {
                if (Matches(drafts, variable.Name) is [int only])
                {
                    bound.Add(only);
                }
            }
        }

        var suggested = new HashSet<int>();
        var boundParts = new List<TemplatePart>(parts.Count);
        foreach (TemplatePart part in parts)
        {
            if (part.Literal is not null)
            {
                boundParts.Add(part);
                continue;
            }

            var variables = new List<TemplateVariable>(part.Variables.Count);
            foreach (TemplateVariable variable in part.Variables)
            {
                variables.Add(variable with { Property = BindVariable(drafts, variable, bound, suggested) });
            }

            boundParts.Add(part with { Variables = variables.ToEquatableArray() });
        }

        return new VariableBinding(boundParts, suggested);
    }

    /// <summary>The index of the property <paramref name="variable"/> binds to, or <see cref="TemplateVariable.Unbound"/> (with the error reported).</summary>
    private int BindVariable(List<PropertyDraft> drafts, TemplateVariable variable, HashSet<int> bound, HashSet<int> suggested)
    {
        Location? location = _reporter.LocationInString(_nodeAttribute, 1, null, variable.Offset, variable.Name.Length);
        List<int> matches = Matches(drafts, variable.Name);
        if (matches.Count == 0)
        {
            (int? suggestion, string hint) = Suggestion(drafts, variable.Name, bound);
            if (suggestion is { } index)
            {
                // The suggested property is left unbound by the typo: one diagnostic says it all.
                suggested.Add(index);
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.Variable, variable.Name)
                .Add(FixProperties.Suggestion, suggestion is { } i ? drafts[i].Symbol.Name : null);
            _reporter.Report(DiagnosticDescriptors.UnknownVariable, location, properties, variable.Name, _name, hint);
            return TemplateVariable.Unbound;
        }

        if (matches.Count > 1)
        {
            _reporter.Report(DiagnosticDescriptors.VariableBoundTwice, location, drafts[matches[0]].Symbol.Name, drafts[matches[1]].Symbol.Name, variable.Name);
            return TemplateVariable.Unbound;
        }

        PropertyDraft match = drafts[matches[0]];
        CheckVariableType(match, variable);
        if (match.IsSecret)
        {
            _reporter.Report(DiagnosticDescriptors.SecretInUrl, location, match.Symbol.Name);
        }

        return matches[0];
    }

    // The indexes of the properties that could bind the variable: one is a binding, more is SDKN016.
    private static List<int> Matches(List<PropertyDraft> drafts, string variable)
    {
        var matches = new List<int>(1);
        for (int i = 0; i < drafts.Count; i++)
        {
            if (Binds(drafts[i], variable))
            {
                matches.Add(i);
            }
        }

        return matches;
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

    private static (int? Property, string Hint) Suggestion(List<PropertyDraft> drafts, string variable, HashSet<int> bound)
    {
        int best = -1;
        int bestDistance = int.MaxValue;
        for (int i = 0; i < drafts.Count; i++)
        {
            PropertyDraft draft = drafts[i];
            if (draft.HeaderAttribute is not null || draft.BodyAttribute is not null || draft.IsFormPart || bound.Contains(i))
            {
                continue;
            }

            int distance = EditDistance.Compute(draft.Symbol.Name.ToLowerInvariant(), variable.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        if (best >= 0 && bestDistance <= Math.Max(2, variable.Length / 3))
        {
            return (best, $"; did you mean '{drafts[best].Symbol.Name}'?");
        }

        return (null, $"; add a property named '{variable}', or bind one with [UriParam(\"{variable}\")]");
    }
}
