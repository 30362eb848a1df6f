using System.Globalization;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Faults;

/// <summary>
/// The response size cap against a 10 GiB body generated on the fly: the node fails with
/// ResponseTooLarge, the read stops at the cap, the server stops generating, and the process's
/// memory stays within 64 MiB of where it started. Run alone, so other tests do not move the figures.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class ResponseCapTests
{
    private const long Budget = 64L * 1024 * 1024;
    private const long RuntimeCap = 16L * 1024 * 1024;
    private const long NodeCap = 1024 * 1024;

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task TenGibibyteBody_FailsWithResponseTooLarge_WithinTheMemoryBudget(bool chunked, bool nodeCap)
    {
        await using var server = await FaultServer.StartAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server.Server, history);
        // Warm up (JIT, connection pool, Kestrel's buffers) before the baseline.
        Assert.True((await new GetItem { Id = "warm-up" }.SendAsync(runtime, TestRuntime.Token)).IsSuccess);

        NodeResult result;
        await using (var memory = MemoryWatch.Start())
        {
            result = nodeCap
                ? await new GetHugeWithinOneMebibyte { Chunked = chunked }.SendAsync(runtime, TestRuntime.Token)
                : await new GetHuge { Chunked = chunked }.SendAsync(runtime, TestRuntime.Token);
            long sentWhenDone = server.HugeBytesSent;
            await memory.StopAsync();

            long sent = await server.HugeBodyEnded.WaitAsync(TimeSpan.FromSeconds(30), TestRuntime.Token);
            TestContext.Current.TestOutputHelper?.WriteLine($"chunked={chunked} nodeCap={nodeCap}: server sent {MemoryWatch.MiB(sentWhenDone)} when the node failed, {MemoryWatch.MiB(sent)} in all; {memory}; {result.Error}");

            long cap = nodeCap ? NodeCap : RuntimeCap;
            Assert.Equal(NodeOutcome.Failed, result.Outcome);
            Assert.Equal(200, result.StatusCode);
            Assert.Null(result.RawBody);
            NodeError error = Assert.IsType<NodeError>(result.Error);
            Assert.Equal(NodeErrorKind.ResponseTooLarge, error.Kind);
            Assert.Contains(cap.ToString("N0", CultureInfo.CurrentCulture), error.Message);
            Assert.Equal(NodeErrorKind.ResponseTooLarge, history.Records[^1].ErrorKind); // after the warm-up's

            // The server stopped when the client went away: what it wrote is the cap (when
            // chunked, the client reads up to it) plus what socket buffers hold, far from 10 GiB.
            Assert.True(sent < cap + Budget, $"The server generated {sent:N0} bytes.");
            Assert.True(memory.PeakWorkingSet - memory.StartWorkingSet < Budget, memory.ToString());
            Assert.True(memory.EndManaged - memory.StartManaged < Budget, memory.ToString());
        }

        Assert.True((await new GetItem { Id = "after" }.SendAsync(runtime, TestRuntime.Token)).IsSuccess);
    }
}

/// <summary>[MaxResponseBytes] on a node replaces the runtime's limit, smaller or larger.</summary>
public sealed class MaxResponseBytesAttributeTests
{
    [Fact]
    public void Descriptor_CarriesTheNodesLimit_OrNull()
    {
        Assert.Equal(1024 * 1024, GetHugeWithinOneMebibyte.Descriptor.MaxResponseBytes);
        Assert.Equal(1_000_000, GetItemWithOwnLimit.Descriptor.MaxResponseBytes);
        Assert.Null(GetHuge.Descriptor.MaxResponseBytes);
    }

    [Fact]
    public async Task NodeLimit_LargerThanTheRuntimes_Wins()
    {
        await using var server = await FaultServer.StartAsync();
        using var runtime = TestRuntime.For(server.Server, configure: o => o.MaxResponseBytes = 5);

        var own = await new GetItemWithOwnLimit { Id = "larger-than-five-bytes" }.SendAsync(runtime, TestRuntime.Token);
        var runtimes = await new GetItem { Id = "larger-than-five-bytes" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, own.Outcome);
        Assert.Equal(NodeErrorKind.ResponseTooLarge, runtimes.Error?.Kind);
        Assert.Contains("5 bytes", runtimes.Error?.Message);
    }
}
