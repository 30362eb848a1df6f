using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Generated;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Requests;

/// <summary>
/// Form, multipart and raw bodies, sent with the NodeRequest helpers the generated code calls,
/// checked on the exact bytes and headers a real Kestrel server received.
/// </summary>
public sealed class RequestBodyKindsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Form_IsEncodedAsHtmlForms_InOrder_ListsRepeated_NullsLeftOut()
    {
        var form = new FormBody();
        form.Add("name", "Zoë & Co = 1+1");
        form.Add("left out", null);
        form.AddEach("tag", ["a b", null, "c*d"]);
        form.AddEach("none", null);
        form.Add("plain", "AZaz09-._~");

        ReceivedRequest received = await SendAsync(request => NodeRequest.SetFormBody(request, form));

        const string expected = "name=Zo%C3%AB+%26+Co+%3D+1%2B1&tag=a+b&tag=c%2Ad&plain=AZaz09-._~";
        Assert.Equal(Encoding.ASCII.GetBytes(expected), received.BodyBytes);
        Assert.Equal("application/x-www-form-urlencoded", received.Header("Content-Type"));
        Assert.Equal(expected.Length.ToString(), received.Header("Content-Length"));
    }

    [Fact]
    public async Task Form_LoneSurrogate_IsSentAsTheReplacementCharacter()
    {
        var form = new FormBody();
        form.Add("s", "a\uD800");

        ReceivedRequest received = await SendAsync(request => NodeRequest.SetFormBody(request, form));

        Assert.Equal("s=a%EF%BF%BD"u8.ToArray(), received.BodyBytes);
    }

    [Fact]
    public async Task Multipart_WritesPartsAsBrowsersDo_WithRawUtf8FileNames()
    {
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF];
        var body = new MultipartBody();
        body.AddField("title", "Zoë's CV");
        body.AddField("left out", null);
        body.AddFile("file", NodeFile.FromBytes("résumé.pdf", pdf));
        body.AddFile("none", null);
        body.AddFile("photo", NodeFile.FromBytes("a.png", [1, 2, 3]));
        body.AddFieldEach("tag", ["x", null, "y"]);
        body.AddField("say \"hi\"\r\n", "v");

        ReceivedRequest received = await SendAsync(request => NodeRequest.SetMultipartBody(request, body));

        Match type = Regex.Match(received.Header("Content-Type")!, "^multipart/form-data; boundary=\"(----SdkNodes[0-9a-f]{32})\"$");
        Assert.True(type.Success, received.Header("Content-Type"));
        string boundary = type.Groups[1].Value;

        var expected = new MemoryStream();
        void Text(string text) => expected.Write(Encoding.UTF8.GetBytes(text));
        Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nZoë's CV");
        Text($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"résumé.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        expected.Write(pdf);
        Text($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n");
        expected.Write([1, 2, 3]);
        Text($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nx");
        Text($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\ny");
        Text($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"say %22hi%22%0D%0A\"\r\n\r\nv");
        Text($"\r\n--{boundary}--\r\n");

        Assert.Equal(expected.ToArray(), received.BodyBytes);
        Assert.Equal(expected.Length.ToString(), received.Header("Content-Length"));

        // "é" went as its two UTF-8 bytes, not Latin-1's one, and no filename* was added.
        Assert.Contains("filename=\"résumé.pdf\"", received.Body);
        Assert.DoesNotContain("filename*", received.Body);
    }

    [Fact]
    public async Task Multipart_AsKestrelParsesIt_GivesTheFieldsAndFiles()
    {
        var body = new MultipartBody();
        body.AddField("title", "Zoë");
        body.AddFile("file", NodeFile.FromBytes("résumé.pdf", [1, 2]));
        string? parsed = null;
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/form", async (HttpRequest request) =>
        {
            IFormCollection form = await request.ReadFormAsync();
            IFormFile file = form.Files["file"]!;
            parsed = $"{form["title"]}|{file.FileName}|{file.ContentType}|{file.Length}";
            return Results.Ok();
        }));
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress + "form");
        NodeRequest.SetMultipartBody(request, body);
        using var client = new HttpClient();
        using HttpResponseMessage response = await client.SendAsync(request, Token);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Zoë|résumé.pdf|application/pdf|2", parsed);
    }

    [Theory]
    [InlineData(null, "text/plain; charset=utf-8")]
    [InlineData("application/xml", "application/xml")]
    [InlineData("text/xml; charset=utf-8", "text/xml; charset=utf-8")]
    public async Task Text_IsUtf8_WithTheTypeExactlyAsGiven(string? given, string sent)
    {
        const string xml = "<note lang=\"fr\">Zoë &amp; Co</note>";

        ReceivedRequest received = await SendAsync(request => NodeRequest.SetTextBody(request, xml, given));

        Assert.Equal(Encoding.UTF8.GetBytes(xml), received.BodyBytes);
        Assert.Equal(sent, received.Header("Content-Type"));
        Assert.Equal(Encoding.UTF8.GetByteCount(xml).ToString(), received.Header("Content-Length"));
    }

    [Fact]
    public async Task Bytes_AreSentExactly_AsOctetStream()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        ReceivedRequest received = await SendAsync(request => NodeRequest.SetBinaryBody(request, all, null));

        Assert.Equal(all, received.BodyBytes);
        Assert.Equal("application/octet-stream", received.Header("Content-Type"));
        Assert.Equal("256", received.Header("Content-Length"));
    }

    [Fact]
    public async Task Memory_IsSentExactly_WithTheGivenType()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        ReceivedRequest received = await SendAsync(request => NodeRequest.SetBinaryBody(request, all.AsMemory(10, 20), "image/x-test"));

        Assert.Equal(all[10..30], received.BodyBytes);
        Assert.Equal("image/x-test", received.Header("Content-Type"));
        Assert.Equal("20", received.Header("Content-Length"));
    }

    [Fact]
    public void NullBodies_SendNoContent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");
        NodeRequest.SetTextBody(request, null, null);
        NodeRequest.SetBinaryBody(request, (byte[]?)null, null);
        NodeRequest.SetBinaryBody(request, (Stream?)null, null);
        NodeRequest.SetBinaryBody(request, (NodeFile?)null, null);

        Assert.Null(request.Content);
    }

    [Fact]
    public async Task SeekableStream_IsRewoundToWhereItStood_ForASecondRequest()
    {
        var stream = new MemoryStream([9, 8, 7, 6, 5]) { Position = 2 };

        await using var server = await StartEchoAsync();
        for (int attempt = 0; attempt < 2; attempt++)
        {
            await SendAsync(server, request => NodeRequest.SetBinaryBody(request, stream, null));
        }

        Assert.Collection(
            server.Requests,
            first => Assert.Equal([7, 6, 5], first.BodyBytes),
            second => Assert.Equal([7, 6, 5], second.BodyBytes));
        Assert.All(server.Requests, r => Assert.Equal("3", r.Header("Content-Length")));
        Assert.True(stream.CanRead, "The caller's stream is not disposed.");
    }

    [Fact]
    public async Task NonSeekableStream_IsSentOnce_ThenRefusedAsInput()
    {
        var stream = new NonSeekableStream([1, 2, 3]);

        ReceivedRequest received = await SendAsync(request => NodeRequest.SetBinaryBody(request, stream, null));
        using var again = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");
        var error = Assert.Throws<NodeInputException>(() => NodeRequest.SetBinaryBody(again, stream, null));

        Assert.Equal([1, 2, 3], received.BodyBytes);
        Assert.Equal("application/octet-stream", received.Header("Content-Type"));
        Assert.StartsWith("The stream of the request body can be sent only once;", error.Message);
    }

    [Fact]
    public async Task FileFromPath_IsStreamedWhole_WithItsLengthAndType()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sdknodes-{Guid.NewGuid():N}.png");
        byte[] bytes = new byte[1024 * 1024];
        new Random(14).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes, Token);
        try
        {
            NodeFile file = NodeFile.FromPath(path);

            ReceivedRequest received = await SendAsync(request => NodeRequest.SetBinaryBody(request, file, null));

            Assert.Equal(Path.GetFileName(path), file.FileName);
            Assert.Equal(bytes.Length, file.Length);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)), Convert.ToHexString(SHA256.HashData(received.BodyBytes)));
            Assert.Equal("image/png", received.Header("Content-Type"));
            Assert.Equal("1048576", received.Header("Content-Length"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("a.JPG", "image/jpeg")]
    [InlineData("b.jpeg", "image/jpeg")]
    [InlineData("c.gif", "image/gif")]
    [InlineData("d.webp", "image/webp")]
    [InlineData("e.pdf", "application/pdf")]
    [InlineData("f.txt", "text/plain")]
    [InlineData("g.csv", "text/csv")]
    [InlineData("h.json", "application/json")]
    [InlineData("i.xml", "application/xml")]
    [InlineData("j.zip", "application/zip")]
    [InlineData("k.html", "text/html")]
    [InlineData("l.bin", "application/octet-stream")]
    [InlineData("noextension", "application/octet-stream")]
    public void FileType_ComesFromTheExtension(string fileName, string type)
    {
        Assert.Equal(type, NodeFile.FromBytes(fileName, []).ContentType);
        Assert.Equal(type, NodeFile.FromPath(Path.Combine(Path.GetTempPath(), fileName)).ContentType);
        Assert.Equal("text/x-given", NodeFile.FromBytes(fileName, [], "text/x-given").ContentType);
    }

    [Fact]
    public async Task FileFromBytes_IsSent_WithTheGivenTypeOverItsOwn()
    {
        NodeFile file = NodeFile.FromBytes("notes.txt", [0xC3, 0xAB]);

        ReceivedRequest received = await SendAsync(request => NodeRequest.SetBinaryBody(request, file, "text/markdown; charset=utf-8"));

        Assert.Equal([0xC3, 0xAB], received.BodyBytes);
        Assert.Equal("text/markdown; charset=utf-8", received.Header("Content-Type"));
        Assert.Equal("2", received.Header("Content-Length"));
    }

    [Fact]
    public async Task FileFromStream_Seekable_IsRewound_ForEachContent()
    {
        NodeFile file = NodeFile.FromStream("data.csv", new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n")));

        await using var server = await StartEchoAsync();
        await SendAsync(server, request => NodeRequest.SetBinaryBody(request, file, null));
        await SendAsync(server, request => NodeRequest.SetBinaryBody(request, file, null));

        Assert.Equal(8, file.Length);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("a,b\n1,2\n"u8.ToArray(), r.BodyBytes);
            Assert.Equal("text/csv", r.Header("Content-Type"));
        });
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task FileFromStream_NonSeekable_IsSentOnce_ThenRefusedAsInput()
    {
        NodeFile file = NodeFile.FromStream("x.bin", new NonSeekableStream([4, 5]));

        ReceivedRequest received = await SendAsync(request => NodeRequest.SetBinaryBody(request, file, null));
        var error = Assert.Throws<NodeInputException>(() => file.CreateContent());

        Assert.Null(file.Length);
        Assert.Equal([4, 5], received.BodyBytes);
        Assert.Null(received.Header("Content-Length"));
        Assert.StartsWith("The stream of file 'x.bin' can be sent only once;", error.Message);
    }

    [Fact]
    public void FileFromStream_NotYetRead_CanBeBuiltAgain()
    {
        // Building a request without sending it (CreateRequest to look at it) uses nothing up.
        NodeFile file = NodeFile.FromStream("x.bin", new NonSeekableStream([4, 5]));

        file.CreateContent().Dispose();
        file.CreateContent().Dispose();
    }

    [Fact]
    public void MissingFile_IsInvalidInput_NamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pdf");
        NodeFile file = NodeFile.FromPath(path);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");

        var raw = Assert.Throws<NodeInputException>(() => NodeRequest.SetBinaryBody(request, file, null));
        var part = Assert.Throws<NodeInputException>(() => new MultipartBody().AddFile("file", file));

        Assert.Null(file.Length);
        Assert.Equal($"The file '{Path.GetFileName(path)}' to upload does not exist (looked for at '{path}').", raw.Message);
        Assert.Equal(raw.Message, part.Message);
    }

    [Fact]
    public void FileArguments_AreChecked()
    {
        Assert.Throws<ArgumentNullException>(() => NodeFile.FromPath(null!));
        Assert.Throws<ArgumentException>(() => NodeFile.FromPath(""));
        Assert.Throws<ArgumentException>(() => NodeFile.FromPath(Path.GetTempPath() + Path.DirectorySeparatorChar));
        Assert.Throws<ArgumentException>(() => NodeFile.FromBytes("", []));
        Assert.Throws<ArgumentNullException>(() => NodeFile.FromBytes("a.bin", null!));
        Assert.Throws<ArgumentNullException>(() => NodeFile.FromStream("a.bin", null!));
    }

    private static Task<LoopbackServer> StartEchoAsync()
        => LoopbackServer.StartAsync(app => app.MapPost("/echo", () => Results.Ok()));

    private static async Task<ReceivedRequest> SendAsync(Action<HttpRequestMessage> setBody)
    {
        await using var server = await StartEchoAsync();
        await SendAsync(server, setBody);
        return server.SingleRequest;
    }

    private static async Task SendAsync(LoopbackServer server, Action<HttpRequestMessage> setBody)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress + "echo");
        setBody(request);
        using var client = new HttpClient();
        using HttpResponseMessage response = await client.SendAsync(request, Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
