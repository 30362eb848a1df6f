using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Headers;

/// <summary>
/// NodeRuntimeOptions.DefaultHeaders and UserAgent, as a Kestrel server receives them: sent with
/// every node that does not set the header itself, redacted in the history when sensitive, and
/// refused when the runtime is made if they are not valid headers. Also a base class's [Header].
/// </summary>
public sealed class DefaultHeaderTests
{
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/headers", () => "ok");
        app.MapPost("/headers", () => "ok");
    });

    // Kestrel reads header values as Latin-1 unless told otherwise; this one reads UTF-8.
    private static Task<LoopbackServer> StartUtf8ServerAsync() => LoopbackServer.StartAsync(
        app => app.MapGet("/headers", () => "ok"),
        "http://127.0.0.1:0",
        kestrel => kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8);

    private static async Task<ReceivedRequest> SendAsync(IApiNode node, Action<NodeRuntimeOptions>? configure = null, InMemoryHistorySink? history = null)
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, history, configure: configure);

        var result = await runtime.SendAsync(node, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        return server.SingleRequest;
    }

    private static Dictionary<string, string> HistoryHeaders(InMemoryHistorySink history)
        => Assert.Single(history.Records).RequestHeaders.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task UserAgent_ByDefault_IsSdkNodesSlashTheVersion_WithoutTheCommit_AndTheHistoryShowsIt()
    {
        string informational = typeof(NodeRuntime).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        string expected = "SdkNodes/" + informational.Split('+')[0];
        var history = new InMemoryHistorySink();

        var request = await SendAsync(new GetWithoutHeaders(), history: history);

        Assert.Equal(expected, request.Header("User-Agent"));
        Assert.Matches(@"^SdkNodes/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", request.Header("User-Agent"));
        Assert.Equal(expected, NodeRuntimeOptions.DefaultUserAgent);
        Assert.Equal(expected, new NodeRuntimeOptions().UserAgent);
        Assert.Equal(expected, HistoryHeaders(history)["User-Agent"]);
    }

    [Fact]
    public async Task UserAgent_SetInTheOptions_IsSentInstead()
    {
        var request = await SendAsync(new GetWithoutHeaders(), o => o.UserAgent = "Contoso.Workflows/2.1 (+https://contoso.example)");

        Assert.Equal("Contoso.Workflows/2.1 (+https://contoso.example)", request.Header("User-Agent"));
    }

    [Fact]
    public async Task UserAgent_SetToNull_SendsNoUserAgentAtAll()
    {
        var history = new InMemoryHistorySink();

        var request = await SendAsync(new GetWithoutHeaders(), o => o.UserAgent = null, history);

        Assert.False(request.Headers.ContainsKey("User-Agent"));
        Assert.DoesNotContain("User-Agent", HistoryHeaders(history).Keys, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UserAgent_OfTheNodeItself_WinsOverTheOption()
    {
        var request = await SendAsync(new GetWithOwnHeaders(), o => o.UserAgent = "Contoso.Workflows/2.1");

        Assert.Equal("InventoryBot/3.0", request.Header("User-Agent"));
    }

    [Fact]
    public async Task UserAgent_InDefaultHeaders_WinsOverTheUserAgentOption_WhateverTheCase()
    {
        var request = await SendAsync(new GetWithoutHeaders(), o =>
        {
            o.UserAgent = "Contoso.Workflows/2.1";
            o.DefaultHeaders["user-agent"] = "FromDefaults/1.0";
        });

        Assert.Equal("FromDefaults/1.0", request.Header("User-Agent"));
    }

    [Fact]
    public async Task DefaultHeaders_AreSentWithANodeThatSetsNone_AndTheHistoryShowsThem()
    {
        var history = new InMemoryHistorySink();

        var request = await SendAsync(
            new GetWithoutHeaders(),
            o =>
            {
                o.DefaultHeaders["X-Tenant"] = "contoso";
                o.DefaultHeaders["Accept-Language"] = "en-GB";
            },
            history);

        Assert.Equal("contoso", request.Header("X-Tenant"));
        Assert.Equal("en-GB", request.Header("Accept-Language"));
        Dictionary<string, string> recorded = HistoryHeaders(history);
        Assert.Equal("contoso", recorded["X-Tenant"]);
        Assert.Equal("en-GB", recorded["Accept-Language"]);
    }

    [Fact]
    public async Task NodesOwnHeaders_WinOverDefaults_FromTheClassAndFromAPropertyWithAValue()
    {
        var request = await SendAsync(new GetWithOwnHeaders { Tenant = "fabrikam" }, o =>
        {
            o.DefaultHeaders["accept"] = "application/json";
            o.DefaultHeaders["X-Tenant"] = "contoso";
        });

        // One value each: the node's, not the default's added beside it.
        Assert.Equal("text/csv", request.Header("Accept"));
        Assert.Equal("fabrikam", request.Header("X-Tenant"));
    }

    [Fact]
    public async Task HeaderPropertyThatIsNull_LeavesTheDefaultToBeSent()
    {
        var request = await SendAsync(new GetWithOwnHeaders { Tenant = null }, o => o.DefaultHeaders["X-Tenant"] = "contoso");

        Assert.Equal("contoso", request.Header("X-Tenant"));
    }

    [Fact]
    public async Task IdempotencyKeyHeader_IsTheNodesKey_NotADefaultOfTheSameName()
    {
        var request = await SendAsync(new PostWithIdempotencyKey(), o => o.DefaultHeaders["Idempotency-Key"] = "from-defaults");

        Assert.Matches("^[0-9a-f]{32}$", request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task SensitiveDefaultHeader_IsSentToTheServer_ButMaskedInTheHistory()
    {
        const string key = "default-key-7c1e";
        const string signature = "default-signature-90ab";
        var history = new InMemoryHistorySink();

        var request = await SendAsync(
            new GetWithoutHeaders(),
            o =>
            {
                o.DefaultHeaders["X-Api-Key"] = key;
                o.DefaultHeaders["X-Signature"] = signature;
                o.SensitiveHeaders.Add("X-Signature");
            },
            history);

        Assert.Equal(key, request.Header("X-Api-Key"));
        Assert.Equal(signature, request.Header("X-Signature"));
        Dictionary<string, string> recorded = HistoryHeaders(history);
        Assert.Equal("***", recorded["X-Api-Key"]);
        Assert.Equal("***", recorded["X-Signature"]);
        string everything = string.Join("\n", history.Records.Select(r => $"{r.Url} {string.Join(' ', r.RequestHeaders)} {r.ErrorMessage}"));
        Assert.DoesNotContain(key, everything);
        Assert.DoesNotContain(signature, everything);
    }

    [Fact]
    public async Task HeaderOnABaseClass_IsSentByTheDerivedNode_WhoseOwnHeaderWinsTheSameName()
    {
        var request = await SendAsync(new GetContosoStock());

        Assert.Equal("2024-06-01", request.Header("X-Api-Version"));
        Assert.Equal("application/json", request.Header("Accept"));
    }

    [Fact]
    public async Task DefaultHeaders_ChangedAfterTheRuntimeIsMade_ChangeNothing()
    {
        await using var server = await StartServerAsync();
        var options = new NodeRuntimeOptions { BaseAddress = server.BaseAddress };
        options.DefaultHeaders["X-Tenant"] = "contoso";
        using var runtime = new NodeRuntime(options);

        options.DefaultHeaders["X-Tenant"] = "fabrikam";
        options.UserAgent = null;
        await new GetWithoutHeaders().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal("contoso", server.SingleRequest.Header("X-Tenant"));
        Assert.Equal(NodeRuntimeOptions.DefaultUserAgent, server.SingleRequest.Header("User-Agent"));
    }

    [Fact]
    public async Task DefaultHeaderOutsideAscii_WithSendHeaderValuesAsUtf8_IsSentAsUtf8()
    {
        await using var server = await StartUtf8ServerAsync();
        using var runtime = TestRuntime.For(server, configure: o =>
        {
            o.SendHeaderValuesAsUtf8 = true;
            o.DefaultHeaders["X-Region"] = "Île-de-France";
        });

        var result = await new GetWithoutHeaders().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("Île-de-France", server.SingleRequest.Header("X-Region"));
    }

    [Theory]
    [InlineData("X Tenant", "contoso", "NodeRuntimeOptions.DefaultHeaders has the header name 'X Tenant', which is not an HTTP header name")]
    [InlineData("X-Tenant:", "contoso", "NodeRuntimeOptions.DefaultHeaders has the header name 'X-Tenant:', which is not an HTTP header name")]
    [InlineData("", "contoso", "NodeRuntimeOptions.DefaultHeaders has the header name '', which is not an HTTP header name")]
    [InlineData("X-Tenant", "contoso\r\nX-Injected: 1", "NodeRuntimeOptions.DefaultHeaders[\"X-Tenant\"] contains CR, LF or NUL")]
    [InlineData("X-Tenant", "contoso\n", "NodeRuntimeOptions.DefaultHeaders[\"X-Tenant\"] contains CR, LF or NUL")]
    [InlineData("X-Tenant", "con\0toso", "NodeRuntimeOptions.DefaultHeaders[\"X-Tenant\"] contains CR, LF or NUL")]
    [InlineData("X-Region", "Île-de-France", "NodeRuntimeOptions.DefaultHeaders[\"X-Region\"] has characters outside ASCII, which HTTP headers cannot carry; set NodeRuntimeOptions.SendHeaderValuesAsUtf8")]
    [InlineData("Content-Type", "application/json", "NodeRuntimeOptions.DefaultHeaders[\"Content-Type\"] is a content header, which belongs to a request body")]
    public void BadDefaultHeader_IsRefusedWhenTheRuntimeIsMade_NamingTheOptionAndTheHeader(string name, string value, string message)
    {
        var options = new NodeRuntimeOptions();
        options.DefaultHeaders[name] = value;

        var failure = Assert.Throws<ArgumentException>(() => new NodeRuntime(options));

        Assert.Contains(message, failure.Message);
        Assert.Equal("options", failure.ParamName);
        if (value != "contoso")
        {
            // The value may be a key: the message never quotes it.
            Assert.DoesNotContain(value.Trim(), failure.Message);
        }
    }

    [Theory]
    [InlineData("", "NodeRuntimeOptions.UserAgent is empty; set it to null to send no User-Agent.")]
    [InlineData("  ", "NodeRuntimeOptions.UserAgent is empty; set it to null to send no User-Agent.")]
    [InlineData("Bot/1.0\r\nX-Injected: 1", "NodeRuntimeOptions.UserAgent contains CR, LF or NUL")]
    [InlineData("Robôt/1.0", "NodeRuntimeOptions.UserAgent has characters outside ASCII")]
    public void BadUserAgent_IsRefusedWhenTheRuntimeIsMade(string userAgent, string message)
    {
        var options = new NodeRuntimeOptions { UserAgent = userAgent };

        var failure = Assert.Throws<ArgumentException>(() => new NodeRuntime(options));

        Assert.Contains(message, failure.Message);
    }
}
