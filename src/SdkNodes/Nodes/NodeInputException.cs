using System;

namespace SdkNodes;

/// <summary>
/// A node's own value breaks a rule, so no request is sent. The message names the property
/// (or header) and the rule, never the value: values may be secrets.
/// </summary>
public sealed class NodeInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NodeInputException(string message)
        : base(message)
    {
    }
}
