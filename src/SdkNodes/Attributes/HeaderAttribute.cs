using System;

namespace SdkNodes;

/// <summary>
/// A request header. On the class, <c>[Header("Accept", "application/json")]</c> sends a fixed
/// value. On a property, <c>[Header("Authorization")]</c> sends the property's value, and
/// nothing when it is null. A class header on a base class applies to every node derived from it
/// (the generator reads the base classes, whatever <see cref="AttributeUsageAttribute.Inherited"/>
/// says to reflection); a derived class that sets the same name wins.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class HeaderAttribute : Attribute
{
    /// <summary>A header whose value comes from the property this attribute is on.</summary>
    public HeaderAttribute(string name)
    {
        Name = name;
    }

    /// <summary>A header with a fixed value, on the class.</summary>
    public HeaderAttribute(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The header name.</summary>
    public string Name { get; }

    /// <summary>The fixed value, or null for a header bound to a property.</summary>
    public string? Value { get; }
}
