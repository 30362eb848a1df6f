using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Network;

/// <summary>Each new connection leaves from one of the trusted egress addresses, chosen at random.</summary>
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
}
