using System;

namespace SdkNodes;

/// <summary>
/// The property holds a secret (an API key, a token). Its value never appears in the run
/// history, logs, exception messages or <c>ToString()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SecretAttribute : Attribute
{
}
