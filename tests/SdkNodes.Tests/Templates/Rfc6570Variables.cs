namespace SdkNodes.Tests.Templates;

/// <summary>The variables of RFC 6570 §3.2, as properties every example node inherits.</summary>
public abstract class Rfc6570Variables : IApiNode
{
    public string[] Count { get; init; } = ["one", "two", "three"];

    public string[] Dom { get; init; } = ["example", "com"];

    public string Dub { get; init; } = "me/too";

    public string Hello { get; init; } = "Hello World!";

    public string Half { get; init; } = "50%";

    public string Var { get; init; } = "value";

    public string Who { get; init; } = "fred";

    public string Base { get; init; } = "http://example.com/home/";

    public string Path { get; init; } = "/foo/bar";

    public List<string> List { get; init; } = ["red", "green", "blue"];

    public IReadOnlyDictionary<string, string> Keys { get; init; } = new Dictionary<string, string>
    {
        ["semi"] = ";",
        ["dot"] = ".",
        ["comma"] = ",",
    };

    public string V { get; init; } = "6";

    public string X { get; init; } = "1024";

    public string Y { get; init; } = "768";

    public string Empty { get; init; } = string.Empty;

    [UriParam("empty_keys")]
    public IDictionary<string, string> EmptyKeys { get; init; } = new Dictionary<string, string>();

    public string? Undef { get; init; }

    public string? Bar { get; init; }
}
