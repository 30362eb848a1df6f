using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Tool;

/// <summary>
/// The sdknodes tool run as a process, as a user runs it, against this test assembly's nodes
/// (its generated registry) and a loopback server.
/// </summary>
public sealed class SdkNodesToolTests : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("sdknodes-tool-").FullName;

    private static string NodesAssembly => typeof(SdkNodesToolTests).Assembly.Location;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task List_ShowsTheAssemblysNodes_WithParametersAndSecrets()
    {
        (int exit, string output) = await RunToolAsync("list", NodesAssembly);

        Assert.Equal(0, exit);
        Assert.Contains("Tested  POST /tested/{id}{?page,tier,when,tags,limits,missing}", output);
        Assert.Contains("    ApiSecret: string? secret", output);
        Assert.Contains("    Id: string required", output);
    }

    [Fact]
    public async Task Test_RunsTheNodeAgainstTheBaseAddress_AndRemembersValues()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapPost("/tested/{id}", (string id) => Results.Json(new { id, ok = true })));

        (int exit, string output) = await RunToolAsync("test", NodesAssembly, "Tested", "--set", "Id=41", "--set", "Page=2", "--base-address", server.BaseAddress.ToString());
        (int again, string secondOutput) = await RunToolAsync("test", NodesAssembly, "Tested", "--base-address", server.BaseAddress.ToString(), "--json");

        Assert.Equal(0, exit);
        Assert.Contains("Outcome: Succeeded   Status: 200", output);
        Assert.Matches(@"Outcome: .*\r?\nAttempts: \d+\r?\n", output);
        Assert.Contains("\"id\": \"41\"", output);
        Assert.Equal(0, again);
        Assert.Contains("\"outcome\": \"Succeeded\"", secondOutput);
        Assert.Contains("\"attempts\": [", secondOutput);
        Assert.Equal("/tested/41?page=2", server.Requests[1].RawTarget);
        Assert.True(File.Exists(Path.Combine(_workDirectory, ".sdknodes", "test-values.json")));
    }

    [Fact]
    public async Task Test_SendsAFileByRelativePath_AndSavesTheAnswerRelativeToTheCurrentDirectory()
    {
        string? received = null;
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/upload", async (HttpRequest request) =>
        {
            IFormFile file = (await request.ReadFormAsync()).Files["file"]!;
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            received = file.FileName;
            // The file's bytes come back, so the saved answer shows they went through unchanged.
            return Results.Bytes(copy.ToArray(), "application/octet-stream");
        }));
        byte[] bytes = [0x00, 0xFF, 0xFE, 0x80, 0x0D, 0x0A, 0x1A];
        Directory.CreateDirectory(Path.Combine(_workDirectory, "in"));
        await File.WriteAllBytesAsync(Path.Combine(_workDirectory, "in", "data.bin"), bytes, TestContext.Current.CancellationToken);

        (int exit, string output) = await RunToolAsync("test", NodesAssembly, "UploadTested", "--set", "File=@in/data.bin", "--save-body", "answer.bin", "--base-address", server.BaseAddress.ToString());

        Assert.Equal(0, exit);
        Assert.Equal("data.bin", received);
        Assert.Contains("Body: 7 bytes of application/octet-stream (binary; --save-body FILE writes it)", output);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_workDirectory, "answer.bin"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("missing assembly", "No assembly at")]
    [InlineData("unknown node", "No node named 'Nope'")]
    [InlineData("unknown parameter", "Tested has no parameter 'Nope'")]
    [InlineData("unparsable value", "Parameter 'Page' of Tested expects int")]
    public async Task UsageErrors_AreClear_AndExitWith2(string error, string message)
    {
        string[] args = error switch
        {
            "missing assembly" => ["list", Path.Combine(_workDirectory, "nothing.dll")],
            "unknown node" => ["test", NodesAssembly, "Nope"],
            "unknown parameter" => ["test", NodesAssembly, "Tested", "--set", "Nope=1"],
            _ => ["test", NodesAssembly, "Tested", "--set", "Id=1", "--set", "Page=many", "--base-address", "http://127.0.0.1:9/"],
        };

        (int exit, string output) = await RunToolAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task BaseAddress_ThatIsNotAnAbsoluteUrl_IsAUsageError_NamingTheOption()
    {
        (int exit, string output) = await RunToolAsync("test", NodesAssembly, "Tested", "--set", "Id=1", "--base-address", "notaurl");

        Assert.Equal(2, exit);
        Assert.Contains("--base-address needs an absolute address, such as http://127.0.0.1:5000/, not 'notaurl'.", output);
    }

    [Fact]
    public async Task HelpOnTest_ShowsTheAssemblyArgument_AndTheToolsOptionsBesideTheTestOnes()
    {
        (int exit, string output) = await RunToolAsync("test", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("sdknodes test <assembly.dll> <node> [options]", output);
        Assert.Contains("--set <name=value>", output);
        Assert.Contains("--base-address <URL>", output);
    }

    [Fact]
    public async Task AnUnknownOption_IsAUsageError_ThatSuggestsTheNearestOption()
    {
        (int exit, string output) = await RunToolAsync("test", NodesAssembly, "Tested", "--base-adress", "http://127.0.0.1:9/");

        Assert.Equal(2, exit);
        Assert.Matches(@"'--base-adress' was not matched\. Did you mean one of the following\?\r?\n--base-address", output);
    }

    [Fact]
    public async Task AMissingNodeName_IsAUsageError_NamingTheArgument()
    {
        (int exit, string output) = await RunToolAsync("test", NodesAssembly);

        Assert.Equal(2, exit);
        Assert.Contains("Required argument 'node' missing for command: 'test'.", output);
    }

    private Task<(int ExitCode, string Output)> RunToolAsync(params string[] args)
    {
        string tool = typeof(SdkNodesToolTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SdkNodesTool").Value!;
        return ChildProcess.RunAsync("dotnet", _workDirectory, TimeSpan.FromMinutes(2), [tool, .. args]);
    }
}
