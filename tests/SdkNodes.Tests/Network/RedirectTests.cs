using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Network;

/// <summary>Redirects: followed only by nodes that allow it, within the limit, never to plain HTTP, credentials kept home.</summary>
public class RedirectTests
{
    [Fact]
    public async Task WithoutFollowRedirects_ARedirectIsAFailedAnswer()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/hop/{n:int}", (int n) => Results.Redirect($"/hop/{n + 1}")));
        using var runtime = TestRuntime.For(server);

        var result = await new NoHop { N = 1 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Status, result.Error!.Kind);
        Assert.Equal("302", result.Error.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FollowRedirects_FollowsToTheAnswer_KeepingTheTokenOnTheSameHost()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/hop/{n:int}", (int n) => n < 3 ? Results.Redirect($"/hop/{n + 1}") : Results.Text("arrived")));
        using var runtime = TestRuntime.For(server);

        var result = await new Hop { N = 1, Token = "Bearer t" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("arrived", result.RawBody);
        Assert.Equal(["/hop/1", "/hop/2", "/hop/3"], server.Requests.Select(r => r.Path));
        Assert.All(server.Requests, r => Assert.Equal("Bearer t", r.Header("Authorization")));
    }

    [Fact]
    public async Task ALoop_StopsAtTheLimit_WithAReadableMessage()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/hop/{n:int}", (int n) => Results.Redirect("/hop/1")));
        using var runtime = TestRuntime.For(server);

        var result = await new Hop { N = 1 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Protocol, result.Error!.Kind);
        Assert.Contains("redirected more than 3 times", result.Error.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task ARedirectToAnotherHost_DropsTheAuthorizationHeader()
    {
        await using var other = await LoopbackServer.StartAsync(app => app.MapGet("/hop/{n}", () => "elsewhere"), "http://127.0.0.2:0", kestrel: null);
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/hop/{n}", () => Results.Redirect(new Uri(other.BaseAddress, "hop/9").ToString())));
        using var runtime = TestRuntime.For(server);

        var result = await new Hop { N = 1, Token = "Bearer t" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Null(other.SingleRequest.Header("Authorization"));
    }

    [Fact]
    public async Task FromHttpsToHttp_IsNeverFollowed()
    {
        using X509Certificate2 authority = TestCertificates.CreateAuthority();
        using X509Certificate2 certificate = TestCertificates.CreateServer(authority);
        await using var plain = await LoopbackServer.StartAsync(app => app.MapGet("/hop/{n}", () => "plain"));
        await using var secure = await LoopbackServer.StartAsync(
            app => app.MapGet("/hop/{n}", () => Results.Redirect(new Uri(plain.BaseAddress, "hop/2").ToString())),
            "https://127.0.0.1:0",
            kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        using var runtime = TestRuntime.For(secure, configure: o => o.TrustedRootCertificates.Add(authority));

        var result = await new Hop { N = 1 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Blocked, result.Error!.Kind);
        Assert.Contains("unencrypted (http) address", result.Error.Message);
        Assert.Empty(plain.Requests);
    }
}
