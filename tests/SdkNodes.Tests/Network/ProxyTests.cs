using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Network;

/// <summary>The organisation's proxy: used only by [UseProxy] nodes, absolute-form for HTTP, CONNECT for HTTPS.</summary>
public class ProxyTests
{
    [Fact]
    public async Task PlainHttp_GoesThroughTheProxy_InAbsoluteForm_OnlyForUseProxyNodes()
    {
        await using var origin = await LoopbackServer.StartAsync(app => app.MapGet("/where", () => "origin"));
        await using var proxy = new ForwardingProxy("ops", "s3cret");
        using var runtime = TestRuntime.For(origin, configure: o =>
            o.Proxy = new WebProxy(proxy.Address) { BypassProxyOnLocal = false, Credentials = new NetworkCredential("ops", "s3cret") });

        var proxied = await new WhereViaProxy().SendAsync(runtime, TestRuntime.Token);
        var direct = await new Where().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal("origin", proxied.RawBody);
        Assert.Equal("origin", direct.RawBody);
        Assert.Contains($"GET {new Uri(origin.BaseAddress, "where")} HTTP/1.1", proxy.RequestLines);
        Assert.All(proxy.RequestLines, line => Assert.StartsWith("GET http://", line));
        Assert.Equal(2, origin.Requests.Count);
    }

    [Fact]
    public async Task Https_GoesThroughAConnectTunnel()
    {
        using X509Certificate2 authority = TestCertificates.CreateAuthority();
        using X509Certificate2 certificate = TestCertificates.CreateServer(authority);
        await using var origin = await StartSecureOriginAsync(certificate);
        await using var proxy = new ForwardingProxy();
        using var runtime = TestRuntime.For(origin, configure: o =>
        {
            o.Proxy = new WebProxy(proxy.Address) { BypassProxyOnLocal = false };
            o.TrustedRootCertificates.Add(authority);
        });

        var result = await new WhereViaProxy().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal("secure origin", result.RawBody);
        Assert.Contains($"CONNECT 127.0.0.1:{origin.BaseAddress.Port} HTTP/1.1", proxy.RequestLines);
    }

    [Fact]
    public async Task WrongCredentials_GiveTheProxyKind()
    {
        await using var origin = await LoopbackServer.StartAsync(app => app.MapGet("/where", () => "origin"));
        await using var proxy = new ForwardingProxy("ops", "s3cret");
        using var runtime = TestRuntime.For(origin, configure: o =>
            o.Proxy = new WebProxy(proxy.Address) { BypassProxyOnLocal = false, Credentials = new NetworkCredential("ops", "wrong") });

        var result = await new WhereViaProxy().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Proxy, result.Error!.Kind);
        Assert.Contains("credentials are missing or wrong", result.Error.Message);
        Assert.Empty(origin.Requests);
    }

    [Fact]
    public async Task Https_WithWrongCredentials_FailsAsProxy407_WithTheSameErrorAsPlainHttp()
    {
        using X509Certificate2 authority = TestCertificates.CreateAuthority();
        using X509Certificate2 certificate = TestCertificates.CreateServer(authority);
        await using var secureOrigin = await StartSecureOriginAsync(certificate);
        await using var plainOrigin = await LoopbackServer.StartAsync(app => app.MapGet("/where", () => "origin"));
        await using var proxy = new ForwardingProxy("ops", "s3cret");
        void WrongCredentials(NodeRuntimeOptions o)
        {
            o.Proxy = new WebProxy(proxy.Address) { BypassProxyOnLocal = false, Credentials = new NetworkCredential("ops", "wrong") };
            o.TrustedRootCertificates.Add(authority);
        }

        using var secureRuntime = TestRuntime.For(secureOrigin, configure: WrongCredentials);
        using var plainRuntime = TestRuntime.For(plainOrigin, configure: WrongCredentials);

        var https = await new WhereViaProxy().SendAsync(secureRuntime, TestRuntime.Token);
        var plain = await new WhereViaProxy().SendAsync(plainRuntime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, https.Outcome);
        Assert.Equal(NodeErrorKind.Proxy, https.Error!.Kind);
        Assert.Equal("407", https.Error.Code);
        Assert.Equal(plain.Error, https.Error);
        Assert.Null(https.StatusCode);
        Assert.Empty(secureOrigin.Requests);

        // The wrong credentials were really sent on a CONNECT (after the 407 challenge) and refused,
        // so this is not just the "no credentials yet" first attempt.
        string connect = $"CONNECT 127.0.0.1:{secureOrigin.BaseAddress.Port} HTTP/1.1";
        Assert.Contains(proxy.Exchanges, e => e.RequestLine == connect && e.SentCredentials && !e.Allowed);
        Assert.DoesNotContain(proxy.Exchanges, e => e.RequestLine == connect && e.Allowed);
    }

    [Fact]
    public async Task Https_WithTheRightCredentials_GoesThroughTheTunnel()
    {
        using X509Certificate2 authority = TestCertificates.CreateAuthority();
        using X509Certificate2 certificate = TestCertificates.CreateServer(authority);
        await using var origin = await StartSecureOriginAsync(certificate);
        await using var proxy = new ForwardingProxy("ops", "s3cret");
        using var runtime = TestRuntime.For(origin, configure: o =>
        {
            o.Proxy = new WebProxy(proxy.Address) { BypassProxyOnLocal = false, Credentials = new NetworkCredential("ops", "s3cret") };
            o.TrustedRootCertificates.Add(authority);
        });

        var result = await new WhereViaProxy().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("secure origin", result.RawBody);
        Assert.Contains(proxy.Exchanges, e => e.RequestLine == $"CONNECT 127.0.0.1:{origin.BaseAddress.Port} HTTP/1.1" && e.SentCredentials && e.Allowed);
        Assert.Single(origin.Requests);
    }

    [Fact]
    public async Task UnreachableProxy_GivesTheProxyKind()
    {
        await using var origin = await LoopbackServer.StartAsync(app => app.MapGet("/where", () => "origin"));
        int closed = ClosedPort.Find();
        using var runtime = TestRuntime.For(origin, configure: o =>
            o.Proxy = new WebProxy($"http://127.0.0.1:{closed}/") { BypassProxyOnLocal = false });

        var result = await new WhereViaProxy().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Proxy, result.Error!.Kind);
        Assert.Contains($"web proxy at 127.0.0.1:{closed} could not be reached", result.Error.Message);
    }

    private static Task<LoopbackServer> StartSecureOriginAsync(X509Certificate2 certificate) => LoopbackServer.StartAsync(
        app => app.MapGet("/where", () => "secure origin"),
        "https://127.0.0.1:0",
        kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
}
