using System;

namespace SdkNodes;

/// <summary>For a data-object node: only these members of the record are pushed.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FieldsAttribute(params string[] names) : Attribute
{
    /// <summary>The member names, best written with <c>nameof</c>.</summary>
    public string[] Names { get; } = names;
}
