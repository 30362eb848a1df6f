namespace SdkNodes.Tests.Network;

/// <summary>A plain GET against the runtime's base address.</summary>
[ApiRequest("GET", "/where")]
public sealed partial class Where : IApiNode
{
}

/// <summary>Follows up to three redirects, with a credential that must not leave its host.</summary>
[ApiRequest("GET", "/hop/{n}")]
[FollowRedirects(MaxRedirects = 3)]
public sealed partial class Hop : IApiNode
{
    public required int N { get; init; }

    [Header("Authorization"), Secret] public string? Token { get; init; }
}

/// <summary>The same without [FollowRedirects]: a redirect is just an answer.</summary>
[ApiRequest("GET", "/hop/{n}")]
public sealed partial class NoHop : IApiNode
{
    public required int N { get; init; }
}

/// <summary>Verification switched off, on purpose, for the test's self-signed server.</summary>
#pragma warning disable SDKN012
[ApiRequest("GET", "/where")]
[DisableCertificateValidation]
public sealed partial class WhereInsecure : IApiNode
{
}
#pragma warning restore SDKN012

/// <summary>Goes through the organisation's web proxy.</summary>
[ApiRequest("GET", "/where")]
[UseProxy]
public sealed partial class WhereViaProxy : IApiNode
{
}
