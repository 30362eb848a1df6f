namespace SdkNodes.Tests.Templates;

// These nodes put '*' on single values on purpose, to test that RFC 6570 §3.2.1 expansion
// ignores it. SdkNodes warns about that (SDKN031), and this project treats warnings as
// errors, so the warning is switched off around them only.
#pragma warning disable SDKN031

/// <summary>Every operator with the explode modifier on a string and an int.</summary>
[ApiRequest("GET", "/x{/id*}{;id*,n*}{.id*}/{id*}/{+id*}{?id*,n*}{&id*}{#id*}")]
public sealed partial class ExplodedSingleValues : IApiNode
{
    public string? Id { get; init; }
    public int? N { get; init; }
}

#pragma warning restore SDKN031

/// <summary>The same template without '*': the expected expansion.</summary>
[ApiRequest("GET", "/x{/id}{;id,n}{.id}/{id}/{+id}{?id,n}{&id}{#id}")]
public sealed partial class UnexplodedSingleValues : IApiNode
{
    public string? Id { get; init; }
    public int? N { get; init; }
}
