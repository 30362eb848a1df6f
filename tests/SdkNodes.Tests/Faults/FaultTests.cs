using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Faults;

/// <summary>
/// Each fault of <see cref="FaultServer"/>, sent through a real runtime (its own pooled handler):
/// the right outcome and error kind, a message a non-programmer can read (checked by its key
/// words, and for what it must not show), exactly one history record, nothing thrown out of
/// <c>SendAsync</c> (the nodes fail under Continue), and the same runtime then sends a good node.
/// The slow faults use a 0.3 s timeout against routes that hold for 30 s, in real time.
/// </summary>
public sealed class FaultTests
{
    public static TheoryData<string> Faults => ["slow-headers", "drip", "reset", "truncated-chunked", "invalid-json", "html-500", "redirect-loop"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_GivesItsOutcomeKindAndReadableMessage_ThenTheRuntimeStillWorks(string fault)
    {
        await using var server = await FaultServer.StartAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server.Server, history);
        string host = server.BaseAddress.Authority;

        NodeResult result = fault switch
        {
            "slow-headers" or "drip" => await new GetSlowFault { Fault = fault }.SendAsync(runtime, TestRuntime.Token),
            "invalid-json" => await new GetFaultAsIpInfo { Fault = fault }.SendAsync(runtime, TestRuntime.Token),
            _ => await new GetFault { Fault = fault }.SendAsync(runtime, TestRuntime.Token),
        };

        NodeError error = Assert.IsType<NodeError>(result.Error);
        TestContext.Current.TestOutputHelper?.WriteLine($"{fault}: {result.Outcome} {error}");
        switch (fault)
        {
            case "slow-headers":
                Expect(result, NodeOutcome.TimedOut, NodeErrorKind.Timeout, status: null);
                Assert.Equal($"No complete answer came from {host} within 0.3 seconds, so the request was stopped.", error.Message);
                break;
            case "drip":
                // The headers came at once: the timeout covers the body too.
                Expect(result, NodeOutcome.TimedOut, NodeErrorKind.Timeout, status: 200);
                Assert.Equal($"No complete answer came from {host} within 0.3 seconds, so the request was stopped.", error.Message);
                break;
            case "reset":
                Expect(result, NodeOutcome.Failed, NodeErrorKind.Protocol, status: 200);
                Assert.Contains(host, error.Message);
                Assert.Contains("connection", error.Message, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("before the whole response arrived", error.Message);
                break;
            case "truncated-chunked":
                Expect(result, NodeOutcome.Failed, NodeErrorKind.Protocol, status: 200);
                Assert.Contains(host, error.Message);
                Assert.Contains("before the whole response arrived", error.Message);
                break;
            case "invalid-json":
                Expect(result, NodeOutcome.Failed, NodeErrorKind.Deserialization, status: 200);
                Assert.Contains("IpInfo", error.Message);
                Assert.Equal("""{"province": "Bavaria", "city": """, result.RawBody);
                break;
            case "html-500":
                Expect(result, NodeOutcome.Failed, NodeErrorKind.Status, status: 500);
                Assert.Equal("500", error.Code);
                Assert.Equal("The server answered 500 (Internal Server Error), which is not a success code for this node.", error.Message);
                Assert.Equal(FaultServer.ServerErrorPage, result.RawBody); // the page is kept for the history, not put in the message
                break;
            case "redirect-loop":
                // However many redirects the runtime follows, a loop ends on a redirect status.
                Expect(result, NodeOutcome.Failed, NodeErrorKind.Status, status: 302);
                Assert.Equal("302", error.Code);
                Assert.Contains("302", error.Message);
                break;
            default:
                Assert.Fail($"No expectation for {fault}.");
                break;
        }

        // Readable: no markup, no exception type names, no address with its path or query.
        Assert.DoesNotContain("<", error.Message);
        Assert.DoesNotContain("Exception", error.Message);
        Assert.DoesNotContain("http://", error.Message);
        Assert.DoesNotContain("/faults/", error.Message);

        NodeHistoryRecord record = Assert.Single(history.Records);
        Assert.Equal(result.Outcome, record.Outcome);
        Assert.Equal(error.Kind, record.ErrorKind);
        Assert.Equal(error.Message, record.ErrorMessage);

        await AssertStillWorksAsync(runtime);
    }

    [Fact]
    public async Task RefusedConnection_FailsWithConnection_ThenTheRuntimeStillWorks()
    {
        await using var server = await FaultServer.StartAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server.Server, history);
        int port = ClosedPort.Find();

        var result = await new PingPort { Port = port }.SendAsync(runtime, TestRuntime.Token);

        Expect(result, NodeOutcome.Failed, NodeErrorKind.Connection, status: null);
        Assert.Equal($"Could not connect to 127.0.0.1:{port}: the connection was refused or could not be made.", result.Error!.Message);
        Assert.Single(history.Records);
        await AssertStillWorksAsync(runtime);
    }

    [Fact]
    public async Task UnresolvableHostName_FailsWithConnection_WithoutLeavingTheMachine()
    {
        await using var server = await FaultServer.StartAsync();
        var history = new InMemoryHistorySink();
        using var handler = new LoopbackOnlyHandler();
        var options = new NodeRuntimeOptions { BaseAddress = server.BaseAddress };
        options.HistorySinks.Add(history);
        using var runtime = new NodeRuntime(options, handler);

        var result = await new GetNowhere().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(1, handler.NamesNotFound);
        Expect(result, NodeOutcome.Failed, NodeErrorKind.Connection, status: null);
        Assert.Equal("The host name of no-such-host.invalid could not be found. Check the address for typing errors.", result.Error!.Message);
        Assert.Single(history.Records);
        await AssertStillWorksAsync(runtime);
    }

    private static void Expect(NodeResult result, NodeOutcome outcome, NodeErrorKind kind, int? status)
    {
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(kind, result.Error?.Kind);
        Assert.Equal(status, result.StatusCode);
    }

    private static async Task AssertStillWorksAsync(NodeRuntime runtime)
    {
        var good = await new GetItem { Id = "after" }.SendAsync(runtime, TestRuntime.Token);
        Assert.Equal(NodeOutcome.Succeeded, good.Outcome);
        Assert.Equal("after", good.Body?.GetProperty("id").GetString());
    }
}
