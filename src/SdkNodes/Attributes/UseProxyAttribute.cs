using System;

namespace SdkNodes;

/// <summary>The node sends through the organisation's web proxy, <see cref="NodeRuntimeOptions.Proxy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UseProxyAttribute : Attribute
{
}
