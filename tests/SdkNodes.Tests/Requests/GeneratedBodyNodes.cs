namespace SdkNodes.Tests.Requests;

// Nodes for the end-to-end body tests: generated code, sent by a NodeRuntime to Kestrel.

public enum SignupPlan { Free, Team }

[ApiRequest("POST", "/form")]
public sealed partial class SubmitSignupForm : IApiNode
{
    [FormField]
    public required string Name { get; init; }

    [FormField("n")]
    public int Count { get; init; }

    [FormField("plan")]
    public SignupPlan Plan { get; init; }

    [FormField("tag")]
    public string[]? Tags { get; init; }

    [FormField]
    public string? Note { get; init; }
}

[ApiRequest("POST", "/upload")]
public sealed partial class UploadResume : IApiNode
{
    [FormField("title")]
    public required string Title { get; init; }

    [FilePart("file")]
    public required NodeFile Resume { get; init; }
}

[ApiRequest("PUT", "/raw")]
public sealed partial class PutXmlText : IApiNode
{
    [Body]
    [ContentType("application/xml")]
    public required string Xml { get; init; }
}

[ApiRequest("PUT", "/raw")]
public sealed partial class PutRawBytes : IApiNode
{
    [Body]
    public required byte[] Bytes { get; init; }
}

[ApiRequest("PUT", "/raw")]
public sealed partial class PutRawStream : IApiNode
{
    [Body]
    public required Stream Content { get; init; }
}

[ApiRequest("PUT", "/raw")]
public sealed partial class PutRawFile : IApiNode
{
    [Body]
    public required NodeFile File { get; init; }
}

[ApiRequest("POST", "/flaky")]
[Retry(2, Delay = 0)]
[IdempotencyKey]
public sealed partial class PostFileRetried : IApiNode
{
    [Body]
    public required NodeFile File { get; init; }
}

[ApiRequest("POST", "/flaky")]
[Retry(2, Delay = 0)]
[IdempotencyKey]
public sealed partial class PostStreamRetried : IApiNode
{
    [Body]
    public required Stream Content { get; init; }
}

[ApiRequest("POST", "/discard")]
[Timeout(120)]
public sealed partial class UploadToDiscard : IApiNode
{
    [Body]
    public required NodeFile File { get; init; }
}

[ApiRequest("GET", "/large{?bytes}")]
[Timeout(120)]
[MaxResponseBytes(256L * 1024 * 1024)]
public sealed partial class DownloadLargeStream : IApiNode<Stream>
{
    public long? Bytes { get; init; }
}
