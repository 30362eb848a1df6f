using System.Text;

namespace SdkNodes.Tests.Templates;

[ApiRequest("GET", "https://api.example.com:8443/base/{v}/tail")]
public sealed partial class SimpleInPath : IApiNode { public required string V { get; init; } }

[ApiRequest("GET", "https://api.example.com:8443/base{/v}/tail")]
public sealed partial class SegmentInPath : IApiNode { public required string V { get; init; } }

[ApiRequest("GET", "https://api.example.com:8443/base/x{?v}")]
public sealed partial class InQuery : IApiNode { public required string V { get; init; } }

[ApiRequest("GET", "https://api.example.com:8443/base/x?fixed=1{&v}")]
public sealed partial class InQueryContinuation : IApiNode { public required string V { get; init; } }

/// <summary>
/// A value can never change the scheme, host, port or path structure through {v}, {/v}, {?v}
/// or {&amp;v}, and always decodes back to itself. A lone surrogate (text that is not valid
/// UTF-16) is encoded as U+FFFD, the replacement character, and never throws. A value that
/// would form a "." or ".." path segment (which System.Uri removes) is refused: no request.
/// </summary>
public class TemplateSafetyTests
{
    private const int Values = 10_000;

    // Characters that try to break out: URI delimiters, line breaks, NUL, and Unicode beyond ASCII.
    private static readonly string[] s_pieces =
    [
        "/", "?", "#", "[", "]", "@", "%", ":", "&", "=", "+", "%2F", "..", " ", "\r", "\n", "\0",
        "a", "Z", "9", "-", "_", "~", ".", "é", "ß", "中", "Ω", "😀", "👩‍💻", "\uD800", "\uDFFF", "\uDBFF\uDBFF",
    ];

    [Fact]
    public void RandomValues_NeverChangeSchemeHostPortOrPathSegments_AndDecodeBackToThemselves()
    {
        var random = new Random(6570);
        for (int n = 0; n < Values; n++)
        {
            string value = RandomValue(random);
            string expected = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)); // lone surrogates become U+FFFD

            AssertPathValue(Sent(new SimpleInPath { V = value }), "/base/", "/tail", expected, value);
            AssertPathValue(Sent(new SegmentInPath { V = value }), "/base/", "/tail", expected, value);
            AssertQueryValue(Sent(new InQuery { V = value })!, "/base/x", "?v=", expected, value);
            AssertQueryValue(Sent(new InQueryContinuation { V = value })!, "/base/x", "?fixed=1&v=", expected, value);
        }
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void DotSegmentValues_AreRefused_WithAMessageNamingTheNodeNotTheValue(string value)
    {
        var exception = Assert.Throws<NodeInputException>(() => new SimpleInPath { V = value }.CreateRequest());

        Assert.Contains("SimpleInPath", exception.Message);
        Assert.Contains("'..' path segment", exception.Message);
    }

    // The address CreateRequest builds (what SendAsync sends), or null when it refuses the value.
    private static string? Sent(IGeneratedNode node)
    {
        try
        {
            using var request = node.CreateRequest(NodeRequestDefaults, baseRoot: null);
            return request.RequestUri!.OriginalString;
        }
        catch (NodeInputException)
        {
            return null;
        }
    }

    private static System.Text.Json.JsonSerializerOptions NodeRequestDefaults => SdkNodes.Generated.NodeRequest.DefaultJsonOptions;

    private static void AssertPathValue(string? expanded, string before, string after, string expected, string value)
    {
        if (expanded is null)
        {
            // Refused: only a value that is a dot segment, in full, is.
            Assert.True(value is "." or "..", $"{Show(value)} was refused");
            return;
        }

        Uri uri = AssertSameOrigin(expanded, value);
        Assert.True(uri.Segments.Length == 4, $"{Show(value)} made {uri.Segments.Length} segments: {expanded}");
        Assert.Equal(string.Empty, uri.Query);
        Assert.Equal(string.Empty, uri.Fragment);

        string path = expanded["https://api.example.com:8443".Length..];
        Assert.StartsWith(before, path);
        Assert.EndsWith(after, path);
        string encoded = path[before.Length..^after.Length];
        Assert.Equal(expected, Uri.UnescapeDataString(encoded));
    }

    private static void AssertQueryValue(string expanded, string path, string queryStart, string expected, string value)
    {
        Uri uri = AssertSameOrigin(expanded, value);
        Assert.Equal(path, uri.AbsolutePath);
        Assert.Equal(string.Empty, uri.Fragment);
        Assert.StartsWith(queryStart, uri.Query);

        // The value is one query parameter: no '&' or '=' of its own survives unencoded.
        string encoded = uri.Query[queryStart.Length..];
        Assert.DoesNotContain('&', encoded);
        Assert.DoesNotContain('=', encoded);
        Assert.Equal(expected, Uri.UnescapeDataString(encoded));
    }

    private static Uri AssertSameOrigin(string expanded, string value)
    {
        Assert.True(Uri.TryCreate(expanded, UriKind.Absolute, out Uri? uri), $"{Show(value)} made an invalid URI: {expanded}");
        Assert.Equal("https", uri!.Scheme);
        Assert.Equal("api.example.com", uri.Host);
        Assert.Equal(8443, uri.Port);
        Assert.Equal(string.Empty, uri.UserInfo);
        return uri;
    }

    private static string RandomValue(Random random)
    {
        var value = new StringBuilder();
        int pieces = random.Next(0, 12);
        for (int i = 0; i < pieces; i++)
        {
            value.Append(random.Next(4) == 0
                ? (char)random.Next(0x20, 0xFFFF) // any UTF-16 unit, surrogates included
                : s_pieces[random.Next(s_pieces.Length)]);
        }

        return value.ToString();
    }

    private static string Show(string value) => string.Concat(value.Select(c => c < 0x20 || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
