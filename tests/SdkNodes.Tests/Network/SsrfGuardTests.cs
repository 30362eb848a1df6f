using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Network;

/// <summary>BlockPrivateNetworks refuses private addresses after DNS and on every redirect; an allow-list lets chosen ones through.</summary>
public class SsrfGuardTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void PrivateAddresses_AreBlocked(string address)
        => Assert.NotNull(AddressRules.BlockedBecause(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:1.1.1.1")]
    public void PublicAddresses_AreNot(string address)
        => Assert.Null(AddressRules.BlockedBecause(IPAddress.Parse(address)));

    [Fact]
    public async Task Guard_RefusesLoopback_WithTheBlockedKind_AndSendsNothing()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/where", () => "here"));
        using var runtime = TestRuntime.For(server, configure: o => o.BlockPrivateNetworks = true);

        var result = await new Where().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(NodeErrorKind.Blocked, result.Error!.Kind);
        Assert.Contains("loopback network", result.Error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Guard_ChecksHostNamesAfterResolution()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/where", () => "here"));
        var options = new NodeRuntimeOptions { BlockPrivateNetworks = true, BaseAddress = new Uri($"http://localhost:{server.BaseAddress.Port}/") };
        using var runtime = new NodeRuntime(options);

        var result = await new Where().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Blocked, result.Error!.Kind);
        Assert.Contains("localhost resolves to", result.Error.Message);
    }

    [Fact]
    public async Task AllowList_LetsChosenNetworksThrough()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/where", () => "here"));
        using var runtime = TestRuntime.For(server, configure: o =>
        {
            o.BlockPrivateNetworks = true;
            o.AllowedNetworks.Add(IPNetwork.Parse("127.0.0.1/32"));
        });

        var result = await new Where().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
    }

    [Fact]
    public async Task Guard_ChecksEveryRedirect()
    {
        await using var blocked = await LoopbackServer.StartAsync(app => app.MapGet("/hop/{n}", () => "reached"), "http://127.0.0.2:0", kestrel: null);
        await using var allowed = await LoopbackServer.StartAsync(app =>
            app.MapGet("/hop/{n}", () => Results.Redirect(new Uri(blocked.BaseAddress, "hop/2").ToString())));
        using var runtime = TestRuntime.For(allowed, configure: o =>
        {
            o.BlockPrivateNetworks = true;
            o.AllowedNetworks.Add(IPNetwork.Parse("127.0.0.1/32"));
        });

        var result = await new Hop { N = 1 }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Blocked, result.Error!.Kind);
        Assert.Contains("127.0.0.2", result.Error.Message);
        Assert.Single(allowed.Requests);
        Assert.Empty(blocked.Requests);
    }
}
