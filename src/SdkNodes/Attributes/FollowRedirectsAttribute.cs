using System;

namespace SdkNodes;

/// <summary>
/// The node follows redirects (301, 302, 303, 307, 308), at most <see cref="MaxRedirects"/> of
/// them, and never from HTTPS to HTTP. Without this attribute a redirect is an answer like any
/// other, and fails unless it is a success code. The SSRF guard checks every redirect's address.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FollowRedirectsAttribute : Attribute
{
    /// <summary>How many redirects are followed at most. Default: 5.</summary>
    public int MaxRedirects { get; set; } = 5;
}
