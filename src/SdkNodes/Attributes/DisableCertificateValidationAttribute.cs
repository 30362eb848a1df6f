using System;

namespace SdkNodes;

/// <summary>
/// Switches TLS certificate verification off for this node: any certificate is accepted,
/// so anyone between the runtime and the server can read and change the traffic. Use it only
/// for a test server you control; prefer trusting its certificate authority instead.
/// The build warns about every use (SDKN012).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DisableCertificateValidationAttribute : Attribute
{
}
