using System.Net;
using System.Net.Sockets;
using SdkNodes.Studio.Tests.Infrastructure;

namespace SdkNodes.Studio.Tests.Studio;

/// <summary><c>sdknodes studio</c>'s usage errors, run as a process: each names the input and exits with 2, before serving anything.</summary>
public sealed class StudioCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task APortOutOfRange_IsRefused_NamingTheOption()
    {
        (int exit, string output) = await RunStudioAsync("--port", "70000");

        Assert.Equal(2, exit);
        Assert.Contains("--port must be a port number from 0 to 65535 (0 picks a free one), not 70000.", output);
    }

    [Fact]
    public async Task APortInUse_IsRefused_NamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        string port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        (int exit, string output) = await RunStudioAsync("--port", port);

        Assert.Equal(2, exit);
        Assert.Contains($"--port {port}: the studio could not listen on 127.0.0.1:{port}", output);
    }

    [Fact]
    public async Task AHistoryFileThatIsNotThere_IsRefused_RatherThanCreated()
    {
        string missing = Path.Combine(Path.GetTempPath(), "sdknodes-" + Guid.NewGuid().ToString("N"), "history.db");

        (int exit, string output) = await RunStudioAsync("--history", missing);

        Assert.Equal(2, exit);
        Assert.Contains($"--history: no file at '{missing}'", output);
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("Host=/nowhere-sdknodes;Port=5999;Database=history;Username=studio;Password=s3cret-Pa55", "Host=/nowhere-sdknodes; Port=5999; Database=history")]
    [InlineData("postgresql://studio:s3cret-Pa55@127.0.0.1:1/history", "Host=127.0.0.1; Port=1; Database=history")]
    public async Task APostgreSqlHistoryThatCannotBeReached_IsRefused_NamingTheDatabase_NotThePassword(string history, string named)
    {
        (int exit, string output) = await RunStudioAsync("--history", history);

        Assert.Equal(2, exit);
        Assert.Contains($"--history: PostgreSQL history store ({named})", output);
        Assert.DoesNotContain("s3cret-Pa55", output);
    }

    [Fact]
    public async Task AMissingAssembly_IsRefused()
    {
        (int exit, string output) = await RunningProcess.RunAsync(Path.GetTempPath(), Limit, BuiltOutputs.ToolAssembly, "studio", "/nowhere/Nodes.dll");

        Assert.Equal(2, exit);
        Assert.Contains("No assembly at '/nowhere/Nodes.dll'.", output);
    }

    private static Task<(int ExitCode, string Output)> RunStudioAsync(params string[] options)
        => RunningProcess.RunAsync(Path.GetTempPath(), Limit, [BuiltOutputs.ToolAssembly, "studio", BuiltOutputs.SampleAssembly, .. options]);
}
