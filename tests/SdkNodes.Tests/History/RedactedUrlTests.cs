using System.Net.Http;
using System.Text.Json;
using SdkNodes.Generated;

namespace SdkNodes.Tests.History;

/// <summary>
/// The URL the history keeps: the address sent, with each secret value masked, decided by the
/// same rule that placed the sent one (absolute, or joined to the base address).
/// </summary>
public sealed class RedactedUrlTests
{
    private static readonly Uri Base = new("https://api.example.com/v2/");

    private static RequestPreparer Preparer(Uri? baseAddress)
        => new(new NodeRuntimeOptions { BaseAddress = baseAddress }, NodeRequest.DefaultJsonOptions);

    private static (string Sent, string Redacted) SendAndRedact(IGeneratedNode node, Uri? baseAddress)
    {
        RequestPreparer preparer = Preparer(baseAddress);
        using HttpRequestMessage? request = preparer.Build(node, node.Descriptor, new NodeResult<JsonElement?>("test", DateTimeOffset.UnixEpoch));
        Assert.NotNull(request);
        return (request.RequestUri!.OriginalString, preparer.RedactedUrl(node, node.Descriptor, request));
    }

    [Fact]
    public void SecretsInPathAndQuery_AreMasked_AndTheRestIsTheSentUrl()
    {
        var node = new SecretPathAndQuery { Account = "acct SECRET", Key = "k/SECRET", Page = 2 };

        (string sent, string redacted) = SendAndRedact(node, Base);

        Assert.Equal("https://api.example.com/v2/accounts/acct%20SECRET/items?key=k%2FSECRET&page=2", sent);
        Assert.Equal("https://api.example.com/v2/accounts/***/items?key=***&page=2", redacted);
        Assert.Equal(sent.Replace("acct%20SECRET", "***", StringComparison.Ordinal).Replace("k%2FSECRET", "***", StringComparison.Ordinal), redacted);
    }

    [Fact]
    public void NoSecretInTheAddress_IsTheSentUrlItself_NotASecondExpansion()
    {
        var node = new NoSecretInAddress { Id = "7", Q = "a b" };

        RequestPreparer preparer = Preparer(Base);
        using HttpRequestMessage request = preparer.Build(node, ((IGeneratedNode)node).Descriptor, new NodeResult<JsonElement?>("test", DateTimeOffset.UnixEpoch))!;
        string redacted = preparer.RedactedUrl(node, ((IGeneratedNode)node).Descriptor, request);

        Assert.Equal("https://api.example.com/v2/plain/7?q=a%20b", redacted);
        Assert.Same(request.RequestUri!.OriginalString, redacted);
    }

    [Fact]
    public void SecretOnATemplateWithAScheme_IsNotJoinedToTheBase()
    {
        var node = new SecretOnAbsoluteTemplate { Token = "tok-SECRET" };

        (string sent, string redacted) = SendAndRedact(node, Base);

        Assert.Equal("https://other.example.com/x/tok-SECRET", sent);
        Assert.Equal("https://other.example.com/x/***", redacted);
    }

    [Fact]
    public void SecretAfterAValueThatIsAnAbsoluteAddress_IsNotJoinedToTheBase()
    {
        // The template is relative (IsRelative), but its expansion has a scheme: the descriptor
        // cannot answer, so the expanded text decides, for the sent and the redacted URL alike.
        var node = new SecretAfterExpandedTarget { Target = "https://third.example.com", Key = "k-SECRET" };
        Assert.True(((IGeneratedNode)node).Descriptor.IsRelative);

        (string sent, string redacted) = SendAndRedact(node, Base);

        Assert.Equal("https://third.example.com/items/k-SECRET", sent);
        Assert.Equal("https://third.example.com/items/***", redacted);
    }

    [Fact]
    public void NoRequest_AndNoBaseAddress_GivesTheRelativeAddress_Masked()
    {
        IGeneratedNode node = new SecretPathAndQuery { Account = "acct", Key = "k", Page = 1 };

        string redacted = Preparer(baseAddress: null).RedactedUrl(node, node.Descriptor, request: null);

        Assert.Equal("/accounts/***/items?key=***&page=1", redacted);
    }

    [Fact]
    public void NoRequest_WithABaseAddress_JoinsTheMaskedAddressToIt()
    {
        IGeneratedNode node = new SecretPathAndQuery { Account = "acct", Key = "k", Page = 1 };

        string redacted = Preparer(Base).RedactedUrl(node, node.Descriptor, request: null);

        Assert.Equal("https://api.example.com/v2/accounts/***/items?key=***&page=1", redacted);
    }
}
