using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.History;

public sealed class SecretRedactionTests
{
    private const string Key = "key-SECRET-7f3a";
    private const string Token = "Bearer tok-SECRET-91c2";
    private const string Signature = "sig-SECRET-55d0";
    private static readonly string[] Secrets = [Key, Token, "tok-SECRET-91c2", Signature];

    // /ip/ipNew answers 200 with an IP record for the right key, 401 otherwise.
    private static Task<LoopbackServer> StartIpServerAsync() => LoopbackServer.StartAsync(app =>
        app.MapGet("/ip/ipNew", (string? ip, string? key) => key == Key
            ? Results.Json(new { error_code = 0, province = "California", city = "Mountain View", isp = "Google" })
            : Results.Json(new { error_code = 10001, reason = "invalid key" }, statusCode: 401)));

    [Fact]
    public async Task History_SecretQueryValue_ShowsAsStarsInUrl_WhileTheServerGetsTheRealValue()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartIpServerAsync();
        using var runtime = TestRuntime.For(server, history);

        var result = await new IpAttribution { Ip = "8.8.8.8", Key = Key }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal($"/ip/ipNew?ip=8.8.8.8&key={Key}", server.SingleRequest.RawTarget);
        var record = Assert.Single(history.Records);
        Assert.Equal(new Uri(server.BaseAddress, "ip/ipNew").AbsoluteUri + "?ip=8.8.8.8&key=***", record.Url);
    }

    [Fact]
    public async Task History_AuthorizationHeaderAndSecretHeaderProperty_ShowAsStars()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartIpServerAsync();
        using var runtime = TestRuntime.For(server, history);

        var result = await new IpAttribution { Ip = "8.8.8.8", Key = Key, Authorization = Token, Signature = Signature }
            .SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        var request = server.SingleRequest;
        Assert.Equal(Token, request.Header("Authorization"));
        Assert.Equal(Signature, request.Header("X-Signature"));
        var headers = Assert.Single(history.Records).RequestHeaders.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("***", headers["Authorization"]);
        Assert.Equal("***", headers["X-Signature"]);
        Assert.Equal("application/json", headers["Accept"]);
    }

    [Fact]
    public async Task Secrets_OnSuccess_AppearNowhereInTheRecordOrTheResult()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartIpServerAsync();
        using var runtime = TestRuntime.For(server, history);

        var result = await new IpAttribution { Ip = "8.8.8.8", Key = Key, Authorization = Token, Signature = Signature }
            .SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        AssertNoSecretIn(Assert.Single(history.Records));
        AssertNoSecretIn(result.ToString());
    }

    [Fact]
    public async Task Secrets_OnFailureWithContinue_AppearNowhereInTheRecordOrTheResult()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartIpServerAsync();
        using var runtime = TestRuntime.For(server, history);

        var result = await new IpAttribution { Ip = "8.8.8.8", Key = "wrong-" + Key, Authorization = Token, Signature = Signature }
            .SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal("The API key was rejected", result.Error?.Message);
        AssertNoSecretIn(Assert.Single(history.Records));
        AssertNoSecretIn(result.ToString());
        AssertNoSecretIn(result.Error?.ToString());
    }

    [Fact]
    public async Task Secrets_OnAbort_AppearNowhereInTheExceptionTheResultOrTheRecord()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartIpServerAsync();
        using var runtime = TestRuntime.For(server, history);

        var aborted = await Assert.ThrowsAsync<NodeAbortedException>(() =>
            new IpAttributionOrAbort { Ip = "8.8.8.8", Key = "wrong-" + Key, Authorization = Token, Signature = Signature }
                .SendAsync(runtime, TestRuntime.Token));

        Assert.Equal(NodeOutcome.Failed, aborted.Result.Outcome);
        Assert.Contains("The API key was rejected", aborted.Message);
        AssertNoSecretIn(aborted.Message);
        AssertNoSecretIn(aborted.ToString());
        AssertNoSecretIn(aborted.Result.ToString());
        AssertNoSecretIn(Assert.Single(history.Records));
    }

    [Fact]
    public async Task Secrets_InAHeaderWithALineBreak_AreNotNamedInTheInvalidInputMessage()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartIpServerAsync();
        using var runtime = TestRuntime.For(server, history);

        var result = await new IpAttribution { Ip = "8.8.8.8", Key = Key, Signature = Signature + "\r\nX-Evil: 1" }
            .SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(NodeErrorKind.InvalidInput, result.Error?.Kind);
        Assert.Contains("X-Signature", result.Error?.Message);
        Assert.Empty(server.Requests);
        AssertNoSecretIn(Assert.Single(history.Records));
        AssertNoSecretIn(result.ToString());
    }

    private static void AssertNoSecretIn(NodeHistoryRecord record)
    {
        AssertNoSecretIn(record.NodeName);
        AssertNoSecretIn(record.RunId);
        AssertNoSecretIn(record.Method);
        AssertNoSecretIn(record.Url);
        AssertNoSecretIn(record.ErrorMessage);
        foreach (var (name, value) in record.RequestHeaders)
        {
            AssertNoSecretIn(name);
            AssertNoSecretIn(value);
        }

        AssertNoSecretIn(record.ToString());
    }

    private static void AssertNoSecretIn(string? text)
    {
        if (text is null)
        {
            return;
        }

        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), text, StringComparison.Ordinal);
        }
    }
}
