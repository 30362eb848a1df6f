using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Requests;

namespace SdkNodes.Tests.Faults;

/// <summary>
/// 200 MB bodies through generated nodes, both ways: an upload from <see cref="NodeFile.FromPath"/>
/// is streamed from disk, and a download read as a Stream is streamed as it arrives; the
/// process's peak working set grows by less than 20 MB either way. Run alone, so other tests do
/// not move the figures.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class StreamingBodyTests
{
    private const long Size = 200L * 1024 * 1024;
    private const long Budget = 20L * 1024 * 1024;

    [Fact]
    public async Task ATwoHundredMegabyteFileBodyNode_IsStreamedFromDisk_WithinTwentyMegabytes()
    {
        long counted = -1;
        // The discarding route is not recorded: recording would keep the whole body in memory.
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapPost("/discard", async (HttpContext context) =>
            {
                // Kestrel refuses bodies over 30 MB by default.
                context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
                {
                    total += read;
                }

                Interlocked.Exchange(ref counted, total);
                return Results.Ok();
            }),
            record: context => context.Request.Path != "/discard");
        using var runtime = TestRuntime.For(server);

        // Sparse: 200 MB of zeros that take no disk space (and no time) to write.
        string path = Path.Combine(Path.GetTempPath(), $"sdknodes-upload-{Guid.NewGuid():N}.bin");
        await using (var create = new FileStream(path, FileMode.CreateNew))
        {
            create.SetLength(Size);
        }

        try
        {
            // Warm up (JIT, connection pool, Kestrel's buffers) before the baseline.
            var warmUp = await new UploadToDiscard { File = NodeFile.FromBytes("warm-up.bin", new byte[128 * 1024]) }.SendAsync(runtime, TestRuntime.Token);
            Assert.Equal(NodeOutcome.Succeeded, warmUp.Outcome);

            NodeResult result;
            await using var memory = MemoryWatch.Start();
            result = await new UploadToDiscard { File = NodeFile.FromPath(path) }.SendAsync(runtime, TestRuntime.Token);
            await memory.StopAsync();

            long growth = memory.PeakWorkingSet - memory.StartWorkingSet;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"200 MB upload through a [Body] NodeFile node (FromPath): server counted {Interlocked.Read(ref counted):N0} bytes; peak working set growth {MemoryWatch.MiB(growth)}; {memory}");
            Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
            Assert.Equal(Size, Interlocked.Read(ref counted));
            Assert.True(growth < Budget, memory.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ATwoHundredMegabyteStreamAnswer_IsReadAsItArrives_WithinTwentyMegabytes()
    {
        // One 64 KB buffer written again and again: the server holds no 200 MB either.
        byte[] chunk = GeneratedBodyTests.RandomBytes(64 * 1024, seed: 14);
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/large", async (HttpContext context) =>
            {
                long size = long.TryParse(context.Request.Query["bytes"], out long asked) ? asked : Size;
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = size;
                for (long sent = 0; sent < size; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }),
            record: _ => false);
        using var runtime = TestRuntime.For(server);

        // Warm up (JIT, connection pool, Kestrel's buffers) with a short answer, before the baseline.
        await using (var warmUp = await new DownloadLargeStream { Bytes = 4 * chunk.Length }.SendAsync(runtime, TestRuntime.Token))
        {
            Assert.Equal(NodeOutcome.Succeeded, warmUp.Outcome);
            Assert.Equal(4 * chunk.Length, await ReadToEndAsync(warmUp.Body!));
        }

        long count;
        await using var memory = MemoryWatch.Start();
        await using (var result = await new DownloadLargeStream().SendAsync(runtime, TestRuntime.Token))
        {
            Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
            Assert.Equal(Size, result.ContentLength);
            count = await ReadToEndAsync(result.Body!);
        }

        await memory.StopAsync();

        long growth = memory.PeakWorkingSet - memory.StartWorkingSet;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"200 MB download through an IApiNode<Stream> node ([MaxResponseBytes] 256 MiB): read {count:N0} bytes; peak working set growth {MemoryWatch.MiB(growth)}; {memory}");
        Assert.Equal(Size, count);
        Assert.True(growth < Budget, memory.ToString());
    }

    private static async Task<long> ReadToEndAsync(Stream body)
    {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, TestRuntime.Token)) > 0)
        {
            total += read;
        }

        return total;
    }
}
