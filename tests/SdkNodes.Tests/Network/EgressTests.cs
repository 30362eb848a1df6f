using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Network;

/// <summary>Each request leaves from one of the trusted egress addresses, chosen at random, and connections are still reused.</summary>
public class EgressTests
{
    [Fact]
    public async Task Requests_LeaveFromTheEgressAddresses_AndFromNothingElse()
    {
        var seen = new ConcurrentBag<string>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/where", (HttpContext context) =>
        {
            seen.Add(context.Connection.RemoteIpAddress!.ToString());
            context.Response.Headers.Connection = "close"; // a new connection, so a new choice, every time
            return "here";
        }));
        using var runtime = TestRuntime.For(server, configure: o =>
        {
            o.EgressAddresses.Add(IPAddress.Parse("127.0.0.2"));
            o.EgressAddresses.Add(IPAddress.Parse("127.0.0.3"));
        });

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(NodeOutcome.Succeeded, (await new Where().SendAsync(runtime, TestRuntime.Token)).Outcome);
        }

        Assert.Equal(50, seen.Count);
        Assert.Equal(["127.0.0.2", "127.0.0.3"], seen.Distinct().Order());
    }

    [Fact]
    public async Task KeptAliveConnections_StillGiveEveryRequestARandomEgressAddress_OneConnectionPerAddress()
    {
        var seen = new ConcurrentQueue<(string Address, int Port)>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/where", (HttpContext context) =>
        {
            // Kept alive (Kestrel's default): one connection serves many requests.
            seen.Enqueue((context.Connection.RemoteIpAddress!.ToString(), context.Connection.RemotePort));
            return "here";
        }));
        using var runtime = TestRuntime.For(server, configure: o =>
        {
            o.EgressAddresses.Add(IPAddress.Parse("127.0.0.2"));
            o.EgressAddresses.Add(IPAddress.Parse("127.0.0.3"));
        });

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(NodeOutcome.Succeeded, (await new Where().SendAsync(runtime, TestRuntime.Token)).Outcome);
        }

        Assert.Equal(50, seen.Count);

        // Chosen per connection, both would not appear: the first connection served all 50. The
        // chance that a fair choice per request misses an address 50 times running is 2^-49.
        Assert.Equal(["127.0.0.2", "127.0.0.3"], seen.Select(s => s.Address).Distinct().Order());

        // Sequential requests reuse the one idle connection of their address's pool.
        Assert.Equal(2, seen.Distinct().Count());
    }
}
