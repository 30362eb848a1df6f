using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Sending;

public sealed class ResponseTests
{
    private const string IpJson = """{"error_code":0,"province":"California","city":"Mountain View","isp":"Google"}""";

    [Fact]
    public async Task TypedNode_KeepingRawBody_ExposesBodyRawBodyHeadersStatusAndTiming()
    {
        var startedAt = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
        var time = new FakeTimeProvider(startedAt);
        var held = new HeldResponse(context =>
        {
            context.Response.Headers["X-Request-Cost"] = "3 units";
            return Results.Text(IpJson, "application/json");
        });
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/ip", held.Route));
        using var runtime = TestRuntime.For(server, time: time, configure: o => o.RawBodyRetention = RawBodyRetention.Always);

        var sending = new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);
        await held.WaitUntilArrivedAsync();
        time.Advance(TimeSpan.FromSeconds(1.25));
        held.Release();
        var result = await sending;

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.True(result.IsSuccess);
        Assert.Null(result.Error);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(new IpInfo("California", "Mountain View", "Google"), result.Body);
        Assert.Equal(IpJson, result.RawBody);
        Assert.Equal("3 units", result.Headers["X-Request-Cost"]);
        Assert.Equal("3 units", result.Headers["x-request-cost"]);
        Assert.StartsWith("application/json", result.Headers["content-type"]);
        Assert.Equal(startedAt, result.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(1.25), result.Elapsed);
        Assert.Equal("LookupIp", result.NodeName);
        Assert.Equal("/ip?ip=8.8.8.8", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task UntypedNode_JsonBody_IsAJsonElement()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/items/{id}", (string id) => Results.Json(new { id, tags = new[] { "a", "b" } })));
        using var runtime = TestRuntime.For(server);

        var result = await new GetItem { Id = "i-1" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        JsonElement body = Assert.NotNull(result.Body);
        Assert.Equal("i-1", body.GetProperty("id").GetString());
        Assert.Equal(2, body.GetProperty("tags").GetArrayLength());
        Assert.Equal("""{"id":"i-1","tags":["a","b"]}""", body.GetRawText());

        // Read into Body, so (by default) not kept a second time as text.
        Assert.Null(result.RawBody);
    }

    [Fact]
    public async Task UntypedNode_TextBody_HasRawBodyButNoJsonBody()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/items/{id}", () => Results.Text("plain words, not JSON", "text/plain")));
        using var runtime = TestRuntime.For(server);

        var result = await new GetItem { Id = "i-2" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Null(result.Body);
        Assert.Equal("plain words, not JSON", result.RawBody);
    }

    [Fact]
    public async Task ResponseInALatin1Charset_IsDecodedForRawBodyAndTypedBody()
    {
        byte[] latin1 = System.Text.Encoding.Latin1.GetBytes("""{"province":"Bayern","city":"Fürth","isp":"Müller Net"}""");
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/ip", () => Results.Bytes(latin1, "application/json; charset=iso-8859-1")));
        using var runtime = TestRuntime.For(server);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(new IpInfo("Bayern", "Fürth", "Müller Net"), result.Body);
        Assert.Contains("Fürth", result.RawBody);
    }

    [Fact]
    public async Task ResponseWithAUtf8ByteOrderMark_IsReadWithoutIt()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("""{"province":"Bayern","city":"Fürth","isp":"x"}""")];
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/ip", () => Results.Bytes(json, "application/json")));
        using var runtime = TestRuntime.For(server, configure: o => o.RawBodyRetention = RawBodyRetention.Always);

        var result = await new LookupIp { Ip = "8.8.8.8" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("Fürth", result.Body?.City);
        Assert.StartsWith("{", result.RawBody);
    }

    [Fact]
    public async Task ResponseHeaderWithSeveralValues_IsJoinedWithCommas()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/items/{id}", (HttpContext context) =>
            {
                context.Response.Headers.Append("X-Tag", "red");
                context.Response.Headers.Append("X-Tag", "blue");
                return Results.Json(new { });
            }));
        using var runtime = TestRuntime.For(server);

        var result = await new GetItem { Id = "tags" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal("red, blue", result.Headers["x-tag"]);
    }
}
