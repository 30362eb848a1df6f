using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SdkNodes.Generated;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Faults;

/// <summary>
/// A 200 MB file sent from <see cref="NodeFile.FromPath"/> is streamed from disk: the server
/// counts every byte while the process's working set grows by less than 20 MB. Run alone, so
/// other tests do not move the figure.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class UploadMemoryTests
{
    private const long FileSize = 200L * 1024 * 1024;
    private const long Budget = 20L * 1024 * 1024;

    [Fact]
    public async Task TwoHundredMegabyteFile_IsStreamedFromDisk_WithinTwentyMegabytes()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        long counted = -1;
        // The discarding route is not recorded: recording would keep the whole body in memory.
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapPost("/discard", async (HttpContext context) =>
            {
                // Kestrel refuses bodies over 30 MB by default.
                context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
                HttpRequest request = context.Request;
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = await request.Body.ReadAsync(buffer)) > 0)
                {
                    total += read;
                }

                Interlocked.Exchange(ref counted, total);
                return Results.Ok();
            }),
            record: context => context.Request.Path != "/discard");

        // Sparse: 200 MB of zeros that take no disk space (and no time) to write.
        string path = Path.Combine(Path.GetTempPath(), $"sdknodes-upload-{Guid.NewGuid():N}.bin");
        await using (var create = new FileStream(path, FileMode.CreateNew))
        {
            create.SetLength(FileSize);
        }

        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

            // Warm up (JIT, connection pool, Kestrel's buffers) before the baseline.
            await UploadAsync(client, server, NodeFile.FromBytes("warm-up.bin", new byte[128 * 1024]), token);

            await using var memory = MemoryWatch.Start();
            await UploadAsync(client, server, NodeFile.FromPath(path), token);
            await memory.StopAsync();

            long growth = memory.PeakWorkingSet - memory.StartWorkingSet;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"200 MB upload from NodeFile.FromPath: server counted {Interlocked.Read(ref counted):N0} bytes; peak working set growth {MemoryWatch.MiB(growth)}; {memory}");
            Assert.Equal(FileSize, Interlocked.Read(ref counted));
            Assert.True(growth < Budget, memory.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task UploadAsync(HttpClient client, LoopbackServer server, NodeFile file, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress + "discard");
        NodeRequest.SetBinaryBody(request, file, null);
        using HttpResponseMessage response = await client.SendAsync(request, token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
