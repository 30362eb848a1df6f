using System;

namespace SdkNodes;

/// <summary>What happens when the node fails or times out. Default: <see cref="FailureAction.Continue"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OnFailureAttribute(FailureAction action) : Attribute
{
    /// <summary>The action taken on failure.</summary>
    public FailureAction Action { get; } = action;
}
