namespace SdkNodes.Tests.TestApi;

public enum Tier { Free, Pro }

public sealed record Note(string Text);

/// <summary>A node with one parameter of each kind the Test API reads from text.</summary>
[ApiRequest("POST", "/tested/{id}{?page,tier,when,tags,limits,missing}")]
public sealed partial class Tested : IApiNode
{
    public required string Id { get; init; }
    public int Page { get; init; } = 7;
    public Tier? Tier { get; init; }
    public DateOnly? When { get; init; }
    public string[]? Tags { get; init; }
    public Dictionary<string, int>? Limits { get; init; }
    public string? Missing { get; init; }
    [Header("Authorization")] public string? Token { get; init; }
    [Header("X-Api-Secret"), Secret] public string? ApiSecret { get; init; }
    [Body] public Note? Note { get; init; }
}

/// <summary>HEAD: the report shows no body.</summary>
[ApiRequest("HEAD", "/tested/{id}")]
public sealed partial class ProbeTested : IApiNode
{
    public required string Id { get; init; }
}

/// <summary>A multipart upload: a text field and a file given as <c>--set File=@path</c>.</summary>
[ApiRequest("POST", "/upload")]
public sealed partial class UploadTested : IApiNode
{
    [FormField] public string? Title { get; init; }
    [FilePart] public NodeFile? File { get; init; }
}

/// <summary>A download whose answer may be binary (reported as size and type) or text.</summary>
[ApiRequest("GET", "/download/{name}")]
public sealed partial class DownloadTested : IApiNode<byte[]>
{
    public required string Name { get; init; }
}
