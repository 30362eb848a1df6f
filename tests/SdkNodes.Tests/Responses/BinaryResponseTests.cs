using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Responses;

/// <summary>byte[] nodes get the exact bytes, and a binary body is never turned into lossy text.</summary>
public sealed class BinaryResponseTests
{
    private static readonly byte[] s_megabyte = RandomBytes(1024 * 1024, seed: 14);

    // 64 bytes that are not UTF-8 (as text they came out as 122 characters of replacement marks).
    private static readonly byte[] s_sixtyFour = [.. Enumerable.Range(0, 64).Select(i => (byte)(0x80 + (i * 7 % 128)))];

    // GET /files/{name}: each name answers with its bytes and media type (null: no Content-Type).
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
        app.MapGet("/files/{name}", async (HttpContext context, string name) =>
        {
            (byte[] bytes, string? type, int status) = name switch
            {
                "megabyte.bin" => (s_megabyte, "application/octet-stream", 200),
                "icon.png" => (s_sixtyFour, "image/png", 200),
                "untyped-binary" => (s_sixtyFour, null, 200),
                "untyped-text" => ("plain words, valid UTF-8: naïve"u8.ToArray(), null, 200),
                "latin1.txt" => ([0x63, 0x61, 0x66, 0xE9], "text/plain; charset=iso-8859-1", 200),
                "bom.json" => ([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'], "application/json", 200),
                "empty" => ([], "application/octet-stream", 200),
                "broken.png" => (s_sixtyFour, "image/png", 500),
                _ => ("no such file"u8.ToArray(), "text/plain", 404),
            };
            context.Response.StatusCode = status;
            if (type is not null)
            {
                context.Response.ContentType = type;
            }

            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        }));

    [Fact]
    public async Task AMegabyteDownload_AsBytes_IsTheSameBytes()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new DownloadBytes { Name = "megabyte.bin" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.True(s_megabyte.AsSpan().SequenceEqual(Assert.IsType<byte[]>(result.Body)));
        Assert.Equal(s_megabyte.Length, result.ContentLength);
        Assert.Equal("application/octet-stream", result.ContentType);
        Assert.Null(result.RawBody);
    }

    [Fact]
    public async Task SixtyFourBinaryBytes_AreTheBody_AndNeverRawBodyText_EvenWhenRawBodiesAreAlwaysKept()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.RawBodyRetention = RawBodyRetention.Always);

        var result = await new DownloadBytes { Name = "icon.png" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(s_sixtyFour, result.Body);
        Assert.Null(result.RawBody);
        Assert.Equal("image/png", result.ContentType);
        Assert.Equal(64, result.ContentLength);
    }

    [Fact]
    public async Task AnUntypedNode_GivenBinaryBytes_HasNoRawBody_WhereItOnceHadLossyText()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new DownloadAnything { Name = "icon.png" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Null(result.Body);
        Assert.Null(result.RawBody);
        Assert.Equal(64, result.ContentLength);
    }

    [Fact]
    public async Task WithNoContentType_ValidUtf8IsText_AndAnythingElseIsBinary()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var text = await new DownloadAnything { Name = "untyped-text" }.SendAsync(runtime, TestRuntime.Token);
        var binary = await new DownloadAnything { Name = "untyped-binary" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(("plain words, valid UTF-8: naïve", (string?)null), (text.RawBody, text.ContentType));
        Assert.Equal(((string?)null, (string?)null, 64L), (binary.RawBody, binary.ContentType, binary.ContentLength));
    }

    [Fact]
    public async Task BytesOfText_AreNotTouchedByTheCharsetOrAByteOrderMark()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.RawBodyRetention = RawBodyRetention.Always);

        var latin1 = await new DownloadBytes { Name = "latin1.txt" }.SendAsync(runtime, TestRuntime.Token);
        var bom = await new DownloadBytes { Name = "bom.json" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal([0x63, 0x61, 0x66, 0xE9], latin1.Body);
        Assert.Equal("café", latin1.RawBody); // text, so kept (Always), decoded in its charset
        Assert.Equal("text/plain", latin1.ContentType);
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'], bom.Body);
        Assert.Equal("{}", bom.RawBody);
    }

    [Fact]
    public async Task AnEmptyBody_IsAnEmptyArray_OrNullWhenTheTypeAllowsNull()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var bytes = await new DownloadBytes { Name = "empty" }.SendAsync(runtime, TestRuntime.Token);
        var orNothing = await new DownloadBytesOrNothing { Name = "empty" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, bytes.Outcome);
        Assert.Equal([], Assert.IsType<byte[]>(bytes.Body));
        Assert.Equal(NodeOutcome.Succeeded, orNothing.Outcome);
        Assert.Null(orNothing.Body);
        Assert.Equal(0, orNothing.ContentLength);
    }

    [Fact]
    public async Task AFailedStatus_WithABinaryBody_FailsWithoutRawBody_AndWithTextKeepsIt()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        var binary = await new DownloadBytes { Name = "broken.png" }.SendAsync(runtime, TestRuntime.Token);
        var text = await new DownloadBytes { Name = "missing" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Failed, NodeErrorKind.Status, 500), (binary.Outcome, binary.Error?.Kind, binary.StatusCode));
        Assert.Null(binary.Body);
        Assert.Null(binary.RawBody);
        Assert.Equal((NodeOutcome.Failed, "404"), (text.Outcome, text.Error?.Code));
        Assert.Null(text.Body);
        Assert.Equal("no such file", text.RawBody);
    }

    [Fact]
    public async Task TheHistory_RecordsTheBytesRead()
    {
        await using var server = await StartServerAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);

        await new DownloadBytes { Name = "icon.png" }.SendAsync(runtime, TestRuntime.Token);
        await new DownloadBytes { Name = "megabyte.bin" }.SendAsync(runtime, TestRuntime.Token);
        await new DownloadBytes { Name = "missing" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal([64L, 1024L * 1024, 12L], history.Records.Select(r => r.ResponseBytes));
    }

    internal static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
