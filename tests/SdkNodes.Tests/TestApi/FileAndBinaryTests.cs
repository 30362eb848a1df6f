using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.TestApi;

/// <summary>The Test API's command line with files: <c>--set File=@path</c> uploads, binary answers, <c>--save-body</c>.</summary>
public sealed class FileAndBinaryTests : IDisposable
{
    // A PNG signature and bytes that are not UTF-8 (0xFF, 0xC0, 0x00): lost if ever decoded as text.
    private static readonly byte[] s_png = [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Enumerable.Range(0, 56).Select(i => (byte)(0xFF - (i * 37 % 256)))];

    private readonly string _directory = Directory.CreateTempSubdirectory("sdknodes-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string InDirectory(string name) => Path.Combine(_directory, name);

    private static Task<LoopbackServer> StartServerAsync(Action<string>? received = null) => LoopbackServer.StartAsync(app =>
    {
        app.MapPost("/upload", async (HttpRequest request) =>
        {
            IFormCollection form = await request.ReadFormAsync();
            IFormFile file = form.Files["file"]!;
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            received?.Invoke($"{form["title"]}|{file.FileName}|{file.ContentType}|{Convert.ToHexString(SHA256.HashData(copy.ToArray()))}");
            return Results.Json(new { ok = true });
        });
        app.MapGet("/download/png", () => Results.Bytes(s_png, "image/png"));
        app.MapGet("/download/text", () => Results.Text("héllo, wörld\n", "text/plain; charset=utf-8"));
        app.MapGet("/download/json", () => Results.Text("""{"a":1,"b":"ü"}""", "application/json"));
    });

    private static Task<int> RunAsync(NodeRuntime runtime, StringWriter output, string? valuesPath, params string[] args)
        => NodeCommandLine.RunAsync(args, [UploadTested.Descriptor, DownloadTested.Descriptor], runtime, output, new NodeTesterOptions { ValuesPath = valuesPath }, TestRuntime.Token);

    [Fact]
    public async Task SetFile_FromAtPath_UploadsTheFilesExactBytesAndName_AndRemembersTheAtPath()
    {
        string? received = null;
        await using var server = await StartServerAsync(r => received = r);
        using var runtime = TestRuntime.For(server);
        string file = InDirectory("pixel.png");
        await File.WriteAllBytesAsync(file, s_png, TestRuntime.Token);
        string values = InDirectory("test-values.json");
        var output = new StringWriter();

        int exit = await RunAsync(runtime, output, values, "test", "UploadTested", "--set", "Title=Zoë", "--set", "File=@" + file);

        Assert.Equal(0, exit);
        Assert.Equal($"Zoë|pixel.png|image/png|{Convert.ToHexString(SHA256.HashData(s_png))}", received);
        // "@path" is not a secret: it is remembered as typed, so the next test sends the same file.
        Assert.Contains(JsonSerializer.Serialize("@" + file), await File.ReadAllTextAsync(values, TestRuntime.Token));
        received = null;
        Assert.Equal(0, await RunAsync(runtime, new StringWriter(), values, "test", "UploadTested"));
        Assert.EndsWith(Convert.ToHexString(SHA256.HashData(s_png)), received);
    }

    [Theory]
    [InlineData("nothing-here.png")]
    [InlineData("")]
    [InlineData("folder")]
    public async Task SetFile_ThatIsNotThere_IsAUsageError_NamingTheFile_AndSendsNothing(string name)
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        Directory.CreateDirectory(InDirectory("folder"));
        string path = name.Length == 0 ? string.Empty : InDirectory(name);
        var output = new StringWriter();

        int exit = await RunAsync(runtime, output, InDirectory("test-values.json"), "test", "UploadTested", "--set", "File=@" + path);

        Assert.Equal(2, exit);
        Assert.Contains("Error: InvalidInput: Parameter 'File' of UploadTested", output.ToString());
        Assert.Contains(name.Length == 0 ? "write @ and its path" : $"no file at '{path}'", output.ToString());
        Assert.Empty(server.Requests);
        Assert.False(File.Exists(InDirectory("test-values.json")));
    }

    [Fact]
    public async Task BinaryAnswer_IsReportedAsItsSizeAndType_AndSaveBodyWritesItsExactBytes()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        string saved = InDirectory("out.png");
        var output = new StringWriter();

        int exit = await RunAsync(runtime, output, null, "test", "DownloadTested", "--set", "Name=png", "--save-body", saved);

        Assert.Equal(0, exit);
        string text = output.ToString();
        Assert.Contains($"Body: 64 bytes of image/png (binary; --save-body FILE writes it){Environment.NewLine}", text);
        Assert.DoesNotContain("Body:" + Environment.NewLine, text);
        Assert.Contains($"Body saved to {saved} (64 bytes).", text);
        Assert.Equal(SHA256.HashData(s_png), SHA256.HashData(await File.ReadAllBytesAsync(saved, TestRuntime.Token)));
    }

    [Fact]
    public async Task BinaryAnswer_InJson_HasContentTypeAndLength_AndNoBody()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var output = new StringWriter();

        int exit = await RunAsync(runtime, output, null, "test", "DownloadTested", "--set", "Name=png", "--json", "--save-body", InDirectory("out.png"));

        Assert.Equal(0, exit);
        // --json prints the report alone, so it still parses with --save-body.
        using JsonDocument report = JsonDocument.Parse(output.ToString());
        Assert.Equal("image/png", report.RootElement.GetProperty("contentType").GetString());
        Assert.Equal(64, report.RootElement.GetProperty("contentLength").GetInt64());
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("body").ValueKind);
        Assert.Equal(s_png, await File.ReadAllBytesAsync(InDirectory("out.png"), TestRuntime.Token));
    }

    [Theory]
    [InlineData("text", "héllo, wörld\n", "text/plain")]
    [InlineData("json", """{"a":1,"b":"ü"}""", "application/json")]
    public async Task TextAnswer_IsShown_AndSaveBodyWritesTheTextAsSent_InUtf8(string name, string sent, string type)
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        string saved = InDirectory("out.txt");
        var output = new StringWriter();

        int exit = await RunAsync(runtime, output, null, "test", "DownloadTested", "--set", "Name=" + name, "--save-body", saved);

        Assert.Equal(0, exit);
        Assert.Contains("Body:" + Environment.NewLine, output.ToString());
        Assert.DoesNotContain("binary", output.ToString());
        // The body as the server sent it (not the report's pretty-printed JSON), without a BOM.
        Assert.Equal(Encoding.UTF8.GetBytes(sent), await File.ReadAllBytesAsync(saved, TestRuntime.Token));
        TestReport report = await new NodeTester(runtime).TestAsync(DownloadTested.Descriptor, new Dictionary<string, string?> { ["Name"] = name }, TestRuntime.Token);
        Assert.Equal((type, (long?)Encoding.UTF8.GetByteCount(sent)), (report.ContentType, report.ContentLength));
    }

    [Fact]
    public async Task SaveBody_WithoutAFile_IsAUsageError()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var output = new StringWriter();

        Assert.Equal(2, await RunAsync(runtime, output, null, "test", "DownloadTested", "--set", "Name=png", "--save-body"));
        Assert.Contains("Required argument missing for option: '--save-body'.", output.ToString());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task NormalExecution_KeepsNoCopyOfABinaryBody()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        NodeResult<byte[]> result = await new DownloadTested { Name = "png" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(s_png, result.Body);
        Assert.Null(result.RawBody);
        Assert.Null(result.RawBodyBytes);
    }
}
