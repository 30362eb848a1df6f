using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Json;

public sealed class JsonOptionsTests
{
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/ip", () => Results.Text("""{"error_code":0,"province":"Bavaria","city":"Munich","isp":"M-net"}""", "application/json"));
        app.MapPost("/things", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Text(await reader.ReadToEndAsync(), "application/json", statusCode: 201);
        });
    });

    [Fact]
    public async Task SourceGeneratedContext_GivenAsJsonTypeInfoResolver_ReadsTheResponse()
    {
        var resolver = new CountingResolver(TestJsonContext.Default);
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.JsonTypeInfoResolver = resolver);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(new IpInfo("Bavaria", "Munich", "M-net"), result.Body);
        Assert.Contains(typeof(IpInfo), resolver.Requested);
        Assert.Same(resolver, runtime.JsonSerializerOptions.TypeInfoResolver);
    }

    [Fact]
    public async Task SourceGeneratedContext_GivenInJsonSerializerOptions_WritesTheRequestBodyAndReadsTheResponse()
    {
        var resolver = new CountingResolver(TestJsonContext.Default);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = resolver };
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.JsonSerializerOptions = json);

        var result = await new PostThing { Thing = new Thing("gear", 9) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("""{"name":"gear","count":9}""", server.SingleRequest.Body);
        Assert.Equal(new Thing("gear", 9), result.Body);
        Assert.Contains(typeof(Thing), resolver.Requested);
    }

    [Fact]
    public async Task SourceGeneratedContext_WithoutTheBodyType_FailsWithInvalidInput_AndSendsNothing()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, history, configure: o => o.JsonTypeInfoResolver = IpInfoOnlyJsonContext.Default);

        var result = await new PostThing { Thing = new Thing("gear", 9) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.InvalidInput, error.Kind);
        Assert.Contains("PostThing", error.Message);
        Assert.Empty(server.Requests);
        Assert.Equal(NodeErrorKind.InvalidInput, Assert.Single(history.Records).ErrorKind);
    }

    [Fact]
    public async Task SourceGeneratedContext_WithoutTheResponseType_FailsWithDeserialization_RatherThanFallingBackToReflection()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.JsonTypeInfoResolver = ThingOnlyJsonContext.Default);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.Deserialization, error.Kind);
        Assert.Contains("IpInfo", error.Message);
    }

    [Fact]
    public async Task ASourceGeneratedContextsOwnOptions_AreUsedAsTheyAre_NotCopied()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.JsonSerializerOptions = TestJsonContext.Default.Options);

        var result = await new PostThing { Thing = new Thing("gear", 9) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Same(TestJsonContext.Default.Options, runtime.JsonSerializerOptions);

        // The context declares no naming policy: its own options write the names as they are.
        Assert.Equal("""{"Name":"gear","Count":9}""", server.SingleRequest.Body);
        Assert.Equal(new Thing("gear", 9), result.Body);
    }

    [Fact]
    public void OptionsThatCanStillChange_AreCopied_SoLaterChangesDoNotReachTheRuntime()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        using var runtime = new NodeRuntime(new NodeRuntimeOptions { JsonSerializerOptions = json });

        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;

        Assert.NotSame(json, runtime.JsonSerializerOptions);
        Assert.Same(JsonNamingPolicy.CamelCase, runtime.JsonSerializerOptions.PropertyNamingPolicy);
    }

    [Fact]
    public void Runtime_JsonOptions_DefaultToWebNamingAndAreReadOnly()
    {
        using var runtime = new NodeRuntime(new NodeRuntimeOptions());

        Assert.True(runtime.JsonSerializerOptions.IsReadOnly);
        Assert.Same(JsonNamingPolicy.CamelCase, runtime.JsonSerializerOptions.PropertyNamingPolicy);
        Assert.True(runtime.JsonSerializerOptions.PropertyNameCaseInsensitive);
    }

    /// <summary>Passes through to a resolver, recording which types were asked for.</summary>
    private sealed class CountingResolver(IJsonTypeInfoResolver inner) : IJsonTypeInfoResolver
    {
        private readonly ConcurrentQueue<Type> _requested = new();

        public IReadOnlyCollection<Type> Requested => [.. _requested];

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            _requested.Enqueue(type);
            return inner.GetTypeInfo(type, options);
        }
    }
}
