using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.DataObjects;

/// <summary>A data-object node behaves as a custom request does: success codes, errors, history.</summary>
public class SendObjectExchangeTests
{
    private static readonly Contact s_contact = new("c-1", "Ada Lovelace", "ada@example.com", 36, "vip");

    [Fact]
    public async Task SelectedFields_ReachTheServer_AndTheExchangeIsRecorded()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapPatch("/contacts/{id}", (string id) => id == "c-1" ? Results.NoContent() : Results.NotFound()));
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);

        var ok = await new PatchContactFields { Id = "c-1", Contact = s_contact }.SendAsync(runtime, TestRuntime.Token);
        var missing = await new PatchContactFields { Id = "c-2", Contact = s_contact }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, ok.Outcome);
        Assert.Equal("""{"full_name":"Ada Lovelace","age":36,"note":"vip"}""", server.Requests[0].Body);
        Assert.Equal(NodeOutcome.Failed, missing.Outcome);
        Assert.Equal(NodeErrorKind.Status, missing.Error!.Kind);
        Assert.Equal(["PatchContactFields", "PatchContactFields"], history.Records.Select(r => r.NodeName));
        Assert.Equal("PATCH", history.Records[0].Method);
    }
}
