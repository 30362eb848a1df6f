using System;
using System.Diagnostics.CodeAnalysis;

namespace SdkNodes;

/// <summary>One settable property of a node: what it is and what it binds to.</summary>
public sealed class NodeParameter
{
    /// <summary>Creates an empty parameter, to be filled by an object initializer.</summary>
    public NodeParameter()
    {
    }

    /// <summary>
    /// Creates a parameter in one call: the generated descriptors use this form, which the
    /// compiler binds faster than an object initializer of seven assignments.
    /// </summary>
    [SetsRequiredMembers]
    public NodeParameter(string name, Type type, string typeName, NodeParameterBinding binding, string? bindsTo, bool isRequired = false, bool isSecret = false)
    {
        Name = name;
        Type = type;
        TypeName = typeName;
        Binding = binding;
        BindsTo = bindsTo;
        IsRequired = isRequired;
        IsSecret = isSecret;
    }

    /// <summary>The property name.</summary>
    public required string Name { get; init; }

    /// <summary>The property type.</summary>
    public required Type Type { get; init; }

    /// <summary>The property type as written in C#, e.g. <c>string?</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>True for a <see cref="SecretAttribute"/> property: its value is never shown.</summary>
    public bool IsSecret { get; init; }

    /// <summary>True when the property is <c>required</c> or its type does not accept null.</summary>
    public bool IsRequired { get; init; }

    /// <summary>What the property's value goes into.</summary>
    public NodeParameterBinding Binding { get; init; }

    /// <summary>The template variable or header name it binds to; null for the body or nothing.</summary>
    public string? BindsTo { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({TypeName}) -> {Binding} {BindsTo}";
}
