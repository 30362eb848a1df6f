using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Sending;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task OneRuntime_SendingManyNodesAtOnce_GivesEachItsOwnResultAndRecord()
    {
        const int count = 24;
        var history = new InMemoryHistorySink();
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/items/{id}", async (string id) =>
            {
                await Task.Yield();
                return Results.Json(new { id });
            }));
        using var runtime = TestRuntime.For(server, history);

        var ids = Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var results = await Task.WhenAll(ids.Select(id => new GetItem { Id = id }.SendAsync(runtime, TestRuntime.Token)));

        for (int i = 0; i < count; i++)
        {
            Assert.Equal(NodeOutcome.Succeeded, results[i].Outcome);
            Assert.Equal(ids[i], results[i].Body?.GetProperty("id").GetString());
        }

        Assert.Equal(count, history.Records.Count);
        Assert.Equal(
            ids.Select(id => new Uri(server.BaseAddress, "items/" + id).AbsoluteUri).Order(StringComparer.Ordinal),
            history.Records.Select(r => r.Url).Order(StringComparer.Ordinal));
        Assert.Equal(count, server.Requests.Count);
    }
}
