using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.TestApi;

/// <summary>
/// NodeCommandLine's parsing, which System.CommandLine does: help, suggestions and missing
/// arguments, all written to the given writer, and parse errors mapped to exit code 2.
/// </summary>
public sealed class NodeCommandLineTests
{
    private static async Task<(int Exit, string Output)> RunAsync(NodeRuntime runtime, params string[] args)
    {
        var output = new StringWriter();
        int exit = await NodeCommandLine.RunAsync(args, [Tested.Descriptor, ProbeTested.Descriptor], runtime, output, new NodeTesterOptions { ValuesPath = null }, TestRuntime.Token);
        return (exit, output.ToString());
    }

    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
        app.MapPost("/tested/{id}", (string id, int? page) => Results.Json(new { id, page })));

    [Fact]
    public async Task HelpOnTest_ListsItsArgumentAndOptions_AndExitsWith0()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        (int exit, string output) = await RunAsync(runtime, "test", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("test <node> [options]", output);
        Assert.Contains("--set <name=value>", output);
        Assert.Contains("--save-body <FILE>", output);
        Assert.Contains("--json", output);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AnUnknownOption_IsAUsageError_ThatSuggestsTheNearestOption()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        (int exit, string output) = await RunAsync(runtime, "test", "Tested", "--set", "Id=1", "--jsno");

        Assert.Equal(2, exit);
        Assert.Contains("'--jsno' was not matched. Did you mean one of the following?", output);
        Assert.Matches(@"Did you mean one of the following\?\r?\n--json", output);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AnUnknownCommand_IsAUsageError_ThatSuggestsTheNearestCommand()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        (int exit, string output) = await RunAsync(runtime, "tset", "Tested");

        Assert.Equal(2, exit);
        Assert.Matches(@"'tset' was not matched\. Did you mean one of the following\?\r?\ntest", output);
    }

    [Fact]
    public async Task NoCommandAtAll_IsAUsageError_ThatShowsTheCommands()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        (int exit, string output) = await RunAsync(runtime);

        Assert.Equal(2, exit);
        Assert.Contains("Required command was not provided.", output);
        Assert.Contains("test <node>", output);
    }

    [Fact]
    public async Task AMissingNodeName_IsAUsageError_NamingTheArgument()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        (int exit, string output) = await RunAsync(runtime, "test");

        Assert.Equal(2, exit);
        Assert.Contains("Required argument 'node' missing for command: 'test'.", output);
    }

    [Theory]
    [InlineData("Page")]
    [InlineData("=1")]
    public async Task ASetWithoutNameAndValue_IsAUsageError_NamingWhatWasGiven(string pair)
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        (int exit, string output) = await RunAsync(runtime, "test", "Tested", "--set", "Id=1", "--set", pair);

        Assert.Equal(2, exit);
        Assert.Contains($"--set takes name=value, such as --set Id=42; '{pair}' names no parameter.", output);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task SaveBody_FollowedByAnotherOption_IsAUsageError_RatherThanAFileNamedLikeTheOption()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        (int exit, string output) = await RunAsync(runtime, "test", "Tested", "--set", "Id=1", "--save-body", "--json");

        Assert.Equal(2, exit);
        Assert.Contains("--save-body needs a file to write the body to, not '--json'.", output);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task NodeAndParameterNames_AreMatchedInAnyCase_AndRepeatedSetsAllApply()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        (int exit, string output) = await RunAsync(runtime, "test", "tESTED", "--set", "id=5", "--set", "PAGE=3", "--set", "missing=");

        Assert.True(exit == 0, output);
        Assert.Equal("/tested/5?page=3", server.Requests[0].RawTarget);
    }

    [Fact]
    public async Task AnAtArgument_IsNotExpandedAsAResponseFile()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);

        (int exit, string output) = await RunAsync(runtime, "test", "@Tested");

        Assert.Equal(2, exit);
        Assert.Contains("No node named '@Tested'. Known nodes: ProbeTested, Tested.", output);
    }

    [Fact]
    public async Task AProgramsOwnCommandLine_CanPutItsOwnArgumentBeforeTheNode_AndKeepsItsRuntime()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        var tag = new Argument<string>("tag");
        string? seen = null;
        Command test = NodeCommandLine.CreateTestCommand(
            parseResult =>
            {
                seen = parseResult.GetValue(tag);
                return new NodeCommandTarget([Tested.Descriptor], runtime, new NodeTesterOptions { ValuesPath = null });
            },
            tag);
        var output = new StringWriter();

        int exit = await NodeCommandLine.InvokeAsync(new RootCommand { test }, ["test", "blue", "Tested", "--set", "Id=9"], output, TestRuntime.Token);
        int help = await NodeCommandLine.InvokeAsync(new RootCommand { test }, ["test", "-h"], output, TestRuntime.Token);
        // The target does not own the runtime, so disposing it after the first run left the runtime usable.
        int again = await NodeCommandLine.InvokeAsync(new RootCommand { test }, ["test", "green", "Tested", "--set", "Id=10"], output, TestRuntime.Token);

        Assert.True(exit == 0, output.ToString());
        Assert.Equal(0, help);
        Assert.True(again == 0, output.ToString());
        Assert.Equal("green", seen);
        Assert.Contains("test <tag> <node> [options]", output.ToString());
        Assert.Equal(["/tested/9?page=7", "/tested/10?page=7"], server.Requests.Select(r => r.RawTarget));
    }
}
