using System;

namespace SdkNodes;

/// <summary>The property whose value is sent as the JSON request body (POST, PUT and PATCH only).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class BodyAttribute : Attribute
{
}
