using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Uris;

public sealed class BaseAddressTests
{
    private static Task<LoopbackServer> StartOrderServerAsync(string name) => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/orders/{id}", (string id) => Results.Json(new { server = name, id }));
        app.MapGet("/v2/orders/{id}", (string id) => Results.Json(new { server = name, version = 2, id }));
    });

    [Fact]
    public async Task RelativeTemplate_BaseAddressWithAPathPrefix_KeepsThePrefix()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartOrderServerAsync("only");
        var options = new NodeRuntimeOptions { BaseAddress = new Uri(server.BaseAddress, "v2") };
        options.HistorySinks.Add(history);
        using var runtime = new NodeRuntime(options);

        var result = await new GetOrder { Id = "1" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("/v2/orders/1", server.SingleRequest.RawTarget);
        Assert.Equal(2, result.Body!.Value.GetProperty("version").GetInt32());
        Assert.Equal(new Uri(server.BaseAddress, "v2/orders/1").AbsoluteUri, Assert.Single(history.Records).Url);
    }

    [Fact]
    public async Task RelativeTemplate_BaseAddressWithATrailingSlash_DoesNotDoubleTheSlash()
    {
        await using var server = await StartOrderServerAsync("only");
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = new Uri(server.BaseAddress, "v2/") });

        var result = await new GetOrder { Id = "2" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("/v2/orders/2", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task RelativeTemplate_PerNodeBaseAddress_BeatsTheDefaultOne()
    {
        await using var fallback = await StartOrderServerAsync("fallback");
        await using var chosen = await StartOrderServerAsync("chosen");
        var options = new NodeRuntimeOptions { BaseAddress = fallback.BaseAddress };
        options.BaseAddresses["GetOrder"] = chosen.BaseAddress;
        using var runtime = new NodeRuntime(options);

        var order = await new GetOrder { Id = "3" }.SendAsync(runtime, TestRuntime.Token);
        var item = await new GetItem { Id = "4" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, order.Outcome);
        Assert.Equal("chosen", order.Body!.Value.GetProperty("server").GetString());
        Assert.Equal("/orders/3", chosen.SingleRequest.RawTarget);

        // Other nodes still use the default base address.
        Assert.Equal(404, item.StatusCode);
        Assert.Equal("/items/4", fallback.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task RelativeTemplate_PerNodeBaseAddressByFullName_IsUsed()
    {
        await using var server = await StartOrderServerAsync("by-full-name");
        var options = new NodeRuntimeOptions();
        options.BaseAddresses[typeof(GetOrder).FullName!] = server.BaseAddress;
        using var runtime = new NodeRuntime(options);

        var result = await new GetOrder { Id = "5" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("/orders/5", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task RelativeTemplate_WithoutABaseAddress_FailsWithInvalidInput_AndSendsNothing()
    {
        var handler = new CountingHandler();
        var history = new InMemoryHistorySink();
        var options = new NodeRuntimeOptions();
        options.HistorySinks.Add(history);
        options.BaseAddresses["SomeOtherNode"] = new Uri("http://127.0.0.1:9/");
        using (var runtime = new NodeRuntime(options, handler))
        {
            var result = await new GetOrder { Id = "6" }.SendAsync(runtime, TestRuntime.Token);

            Assert.Equal(NodeOutcome.Failed, result.Outcome);
            Assert.Null(result.StatusCode);
            var error = Assert.IsType<NodeError>(result.Error);
            Assert.Equal(NodeErrorKind.InvalidInput, error.Kind);
            Assert.Contains("GetOrder", error.Message);
            Assert.Contains("base address", error.Message);
        }

        Assert.Equal(0, handler.Calls);
        Assert.Equal(NodeErrorKind.InvalidInput, Assert.Single(history.Records).ErrorKind);
        handler.Dispose();
    }

    [Theory]
    [InlineData("/orders/1", "https://api.example.com/v2/orders/1")]
    [InlineData("orders/1", "https://api.example.com/v2/orders/1")]
    [InlineData("?page=2", "https://api.example.com/v2?page=2")]
    [InlineData("https://other.example.com/x", "https://other.example.com/x")]
    public void CreateRequest_JoinsARelativeAddressToTheBaseRoot_AndLeavesAnAbsoluteOneAlone(string address, string expected)
    {
        using var request = SdkNodes.Generated.NodeRequest.Create(HttpMethod.Get, address, "https://api.example.com/v2", "Probe");

        Assert.True(request.RequestUri!.IsAbsoluteUri);
        Assert.Equal(expected, request.RequestUri.OriginalString);
    }

    [Fact]
    public void CreateRequest_WithABaseRoot_StillRefusesADotSegmentInTheRelativeAddress()
    {
        var exception = Assert.Throws<NodeInputException>(
            () => SdkNodes.Generated.NodeRequest.Create(HttpMethod.Get, "/orders/../admin", "https://api.example.com/v2", "Probe"));

        Assert.Contains("Probe", exception.Message);
        Assert.Contains("'..' path segment", exception.Message);
    }

    [Fact]
    public void CreateRequest_WithoutABaseRoot_LeavesARelativeAddressRelative()
    {
        using var request = SdkNodes.Generated.NodeRequest.Create(HttpMethod.Get, "/orders/1", baseRoot: null, "Probe");

        Assert.False(request.RequestUri!.IsAbsoluteUri);
        Assert.Equal("/orders/1", request.RequestUri.OriginalString);
    }
}
