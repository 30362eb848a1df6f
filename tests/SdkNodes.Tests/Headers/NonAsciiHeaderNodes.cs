namespace SdkNodes.Tests.Headers;

/// <summary>Pushes a customer's name in a request header, and optionally the language of the (empty) content.</summary>
[ApiRequest("POST", "/names")]
public sealed partial class PushName : IApiNode
{
    [Header("X-Customer-Name")]
    public string? CustomerName { get; init; }

    // A content header: it lives on the request's content, not on the request.
    [Header("Content-Language")]
    public string? Language { get; init; }
}

/// <summary>A constant class header outside ASCII: the build lets it through (SDKN019 refuses only CR, LF and NUL).</summary>
[ApiRequest("POST", "/names")]
[Header("X-Greeting", "Grüße")]
public sealed partial class PushGreeting : IApiNode
{
}
