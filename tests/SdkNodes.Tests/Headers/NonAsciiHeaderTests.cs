using System.Text;
using Microsoft.AspNetCore.Builder;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Headers;

/// <summary>
/// Header values outside ASCII: refused before sending unless
/// <see cref="NodeRuntimeOptions.SendHeaderValuesAsUtf8"/> is set, and then sent as UTF-8.
/// </summary>
public sealed class NonAsciiHeaderTests
{
    private const string Name = "Zoë Ørsted";

    // Kestrel decodes header values as Latin-1 unless told otherwise; this one reads UTF-8, as a
    // server that accepts UTF-8 header values would.
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(
        app => app.MapPost("/names", () => "ok"),
        "http://127.0.0.1:0",
        kestrel => kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8);

    [Fact]
    public async Task NonAsciiHeaderValue_FailsAsInvalidInputNamingTheHeader_WithoutTheValue_AndSendsNothing()
    {
        var history = new InMemoryHistorySink();
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, history);

        var result = await new PushName { CustomerName = Name }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Null(result.StatusCode);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.InvalidInput, error.Kind);
        Assert.Equal(
            "The value of header 'X-Customer-Name' of PushName has characters outside ASCII, which HTTP headers cannot carry; " +
            "set NodeRuntimeOptions.SendHeaderValuesAsUtf8 to send it as UTF-8.",
            error.Message);
        Assert.DoesNotContain("Zo", error.Message);
        Assert.DoesNotContain("rsted", error.Message);
        Assert.Empty(server.Requests);
        var record = Assert.Single(history.Records);
        Assert.Equal(NodeErrorKind.InvalidInput, record.ErrorKind);
        Assert.Equal(error.Message, record.ErrorMessage);
    }

    [Fact]
    public async Task NonAsciiContentHeaderValue_FailsAsInvalidInputNamingTheHeader()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PushName { CustomerName = "Zoe", Language = "español" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.InvalidInput, result.Error!.Kind);
        Assert.Contains("'Content-Language' of PushName", result.Error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task NonAsciiConstantClassHeader_FailsTheSameWay()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PushGreeting().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.InvalidInput, result.Error!.Kind);
        Assert.Contains("'X-Greeting' of PushGreeting", result.Error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AsciiHeaderValues_AreSentAsBefore()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PushName { CustomerName = "Zoe Orsted", Language = "es" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("Zoe Orsted", server.SingleRequest.Header("X-Customer-Name"));
        Assert.Equal("es", server.SingleRequest.Header("Content-Language"));
    }

    [Fact]
    public async Task WithSendHeaderValuesAsUtf8_TheServerReceivesTheValueAsUtf8()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.SendHeaderValuesAsUtf8 = true);

        var result = await new PushName { CustomerName = Name, Language = "español" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(Name, server.SingleRequest.Header("X-Customer-Name"));
        Assert.Equal("español", server.SingleRequest.Header("Content-Language"));
    }
}
