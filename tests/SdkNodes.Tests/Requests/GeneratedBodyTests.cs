using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Requests;

/// <summary>
/// Form, multipart and raw bodies end to end: generated nodes sent by a NodeRuntime, checked on
/// the exact bytes and headers Kestrel received.
/// </summary>
public sealed class GeneratedBodyTests
{
    [Fact]
    public async Task AFormNode_SendsItsFieldsUrlEncoded_InOrder_ListsRepeated_NullsLeftOut()
    {
        await using var server = await StartAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new SubmitSignupForm
        {
            Name = "Zoë & Co = 1+1",
            Count = 42,
            Plan = SignupPlan.Team,
            Tags = ["a b", "c*d"],
            Note = null,
        }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        ReceivedRequest received = server.SingleRequest;
        // An unnamed field goes by its camelCase name, as JSON properties do.
        const string expected = "name=Zo%C3%AB+%26+Co+%3D+1%2B1&n=42&plan=Team&tag=a+b&tag=c%2Ad";
        Assert.Equal(Encoding.ASCII.GetBytes(expected), received.BodyBytes);
        Assert.Equal("application/x-www-form-urlencoded", received.Header("Content-Type"));
        Assert.Equal(expected.Length.ToString(), received.Header("Content-Length"));
    }

    [Fact]
    public async Task AMultipartNode_SendsItsFieldAndFile_WithARawUtf8FileName_AndTheBoundaryOfItsHeader()
    {
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF];
        await using var server = await StartAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new UploadResume
        {
            Title = "Zoë's CV",
            Resume = NodeFile.FromBytes("résumé.pdf", pdf, "application/pdf"),
        }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        ReceivedRequest received = server.SingleRequest;
        Match type = Regex.Match(received.Header("Content-Type")!, "^multipart/form-data; boundary=\"(----SdkNodes[0-9a-f]{32})\"$");
        Assert.True(type.Success, received.Header("Content-Type"));
        string boundary = type.Groups[1].Value;

        var expected = new MemoryStream();
        void Text(string text) => expected.Write(Encoding.UTF8.GetBytes(text));
        Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nZoë's CV");
        Text($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"résumé.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        expected.Write(pdf);
        Text($"\r\n--{boundary}--\r\n");

        Assert.Equal(expected.ToArray(), received.BodyBytes);
        Assert.Equal(expected.Length.ToString(), received.Header("Content-Length"));
    }

    [Fact]
    public async Task AStringBodyNode_SendsUtf8_WithItsContentTypeExactlyAsWritten()
    {
        const string xml = "<note lang=\"fr\">Zoë &amp; Co</note>";
        await using var server = await StartAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PutXmlText { Xml = xml }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        ReceivedRequest received = server.SingleRequest;
        Assert.Equal(Encoding.UTF8.GetBytes(xml), received.BodyBytes);
        Assert.Equal("application/xml", received.Header("Content-Type"));
    }

    [Fact]
    public async Task AByteArrayBodyNode_SendsTheExactBytes_AsOctetStream()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await using var server = await StartAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PutRawBytes { Bytes = all }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        ReceivedRequest received = server.SingleRequest;
        Assert.Equal(all, received.BodyBytes);
        Assert.Equal("application/octet-stream", received.Header("Content-Type"));
        Assert.Equal("256", received.Header("Content-Length"));
    }

    [Fact]
    public async Task AStreamBodyNode_SendsTheStreamFromWhereItStands()
    {
        var stream = new MemoryStream([9, 8, 7, 6, 5]) { Position = 1 };
        await using var server = await StartAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PutRawStream { Content = stream }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        ReceivedRequest received = server.SingleRequest;
        Assert.Equal([8, 7, 6, 5], received.BodyBytes);
        Assert.Equal("application/octet-stream", received.Header("Content-Type"));
        Assert.Equal("4", received.Header("Content-Length"));
    }

    [Fact]
    public async Task AFileBodyNode_SendsAMegabyteFileFromDisk_ThatHashesTheSameOnTheServer()
    {
        byte[] bytes = RandomBytes(1024 * 1024, seed: 14);
        string path = await WriteTempFileAsync(bytes, ".pdf");
        try
        {
            await using var server = await StartAsync();
            using var runtime = TestRuntime.For(server);

            var result = await new PutRawFile { File = NodeFile.FromPath(path) }.SendAsync(runtime, TestRuntime.Token);

            Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
            ReceivedRequest received = server.SingleRequest;
            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)), Convert.ToHexString(SHA256.HashData(received.BodyBytes)));
            Assert.Equal("application/pdf", received.Header("Content-Type"));
            Assert.Equal("1048576", received.Header("Content-Length"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ARetriedFileNode_SendsTheWholeFileOnEveryAttempt()
    {
        byte[] bytes = RandomBytes(256 * 1024, seed: 15);
        string path = await WriteTempFileAsync(bytes, ".bin");
        try
        {
            await using var server = await StartFlakyAsync();
            using var runtime = TestRuntime.For(server);

            var result = await new PostFileRetried { File = NodeFile.FromPath(path) }.SendAsync(runtime, TestRuntime.Token);

            Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
            Assert.Equal(201, result.StatusCode);
            Assert.Collection(
                server.Requests,
                first => Assert.Equal(bytes, first.BodyBytes),
                second => Assert.Equal(bytes, second.BodyBytes));
            Assert.All(server.Requests, r => Assert.Equal("262144", r.Header("Content-Length")));
            Assert.Equal(server.Requests[0].Header("Idempotency-Key"), server.Requests[1].Header("Idempotency-Key"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ARetriedSeekableStreamNode_SendsTheWholeStreamAgain()
    {
        var stream = new MemoryStream([1, 2, 3, 4]) { Position = 1 };
        await using var server = await StartFlakyAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PostStreamRetried { Content = stream }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(201, result.StatusCode);
        Assert.Collection(
            server.Requests,
            first => Assert.Equal([2, 3, 4], first.BodyBytes),
            second => Assert.Equal([2, 3, 4], second.BodyBytes));
    }

    [Fact]
    public async Task ARetriedNonSeekableStreamNode_FailsItsSecondAttempt_AsInvalidInput_NamingTheRule()
    {
        await using var server = await StartFlakyAsync();
        using var runtime = TestRuntime.For(server);

        var result = await new PostStreamRetried { Content = new NonSeekableStream([1, 2, 3]) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        NodeError error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith("The stream of the request body can be sent only once;", error.Message);
        ReceivedRequest first = server.SingleRequest;
        Assert.Equal([1, 2, 3], first.BodyBytes);
    }

    internal static byte[] RandomBytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<string> WriteTempFileAsync(byte[] bytes, string extension)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sdknodes-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(path, bytes, TestRuntime.Token);
        return path;
    }

    private static Task<LoopbackServer> StartAsync()
        => LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/form", () => Results.Ok());
            app.MapPost("/upload", () => Results.Ok());
            app.MapPut("/raw", () => Results.Ok());
        });

    // Answers 503 to the first request, 201 to every later one.
    private static Task<LoopbackServer> StartFlakyAsync()
    {
        int calls = 0;
        return LoopbackServer.StartAsync(app => app.MapPost("/flaky", () =>
            Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(503) : Results.StatusCode(201)));
    }
}
