using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Aot;

/// <summary>
/// samples/SdkNodes.AotSample published as a native AOT user publishes it
/// (`dotnet publish -c Release -r linux-x64 -p:PublishAot=true`), once for the class, into a
/// temporary folder. The publish must be free of trim and AOT warnings, and the native
/// executable must send its nodes (generated ones of each kind: typed, untyped, JSON body, data
/// object with chosen fields, form post; a Refit call through SdkNodes.Refit; a test through
/// NodeCommandLine, parsed by System.CommandLine) to
/// its own loopback server correctly, with the history in memory and in SQLite.
/// Needs clang and zlib1g-dev (.ci/run installs them); without them the publish fails, and so
/// does this test: it never skips.
/// </summary>
[Collection(ReleaseBuildCollection.Name)]
public sealed class AotPublishTests(AotPublishTests.Published published) : IClassFixture<AotPublishTests.Published>
{
    [Fact]
    public void Publish_WithPublishAot_Succeeds_WithoutAnyTrimOrAotWarning()
    {
        Assert.True(published.ExitCode == 0, $"dotnet publish exited with {published.ExitCode}:\n{published.Output}");

        // The linker prints "warning IL2026: ..." and the AOT compiler "Trim analysis warning IL2026: ..."
        // or "AOT analysis warning IL3050: ..."; with warnings as errors, either may be an error.
        string[] found = [.. Regex.Matches(published.Output, @"^.*\b(warning|error) IL[23]\d{3}\b.*$", RegexOptions.Multiline).Select(m => m.Value.Trim()).Distinct()];
        Assert.True(found.Length == 0, $"The AOT publish reported {found.Length} trim/AOT diagnostics:\n{string.Join("\n", found)}");
    }

    [Fact]
    public async Task NativeExecutable_SendsItsNodesToALoopbackServer_AndAllChecksPass()
    {
        Assert.True(published.ExitCode == 0, $"dotnet publish exited with {published.ExitCode}:\n{published.Output}");
        string executable = Path.Combine(published.Folder, "SdkNodes.AotSample");
        Assert.True(File.Exists(executable), $"No native executable at {executable}.");
        Assert.False(File.Exists(executable + ".dll"), "The publish holds a managed assembly: it is not a native AOT publish.");

        (int exit, string output) = await RunAsync(executable, published.Folder, TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, $"The native sample exited with {exit}:\n{output}");
        Assert.Contains("Dynamic code supported: False", output);
        Assert.Contains("Reflection-based JSON: False", output);
        Assert.Contains("IpAttribution: Succeeded 200: Mountain View, California (Google)", output);
        Assert.Contains("PushOrder: Succeeded 201: order o-1001 stored after 2 attempts", output);
        Assert.Contains("LookupCustomer: Failed 404: No such customer in the order system", output);
        Assert.Contains("IpAttribution (from values): Failed ErrorCode: The key is not valid for this API", output);
        Assert.Contains("City skipped", output);
        Assert.Contains("""PatchContact: Succeeded 200: sent {"full_name":"Ada Lovelace","age":36}""", output);
        Assert.Contains("RequestToken: Succeeded 200: a token that expires in 3600 s", output);
        Assert.Contains("GetOrderStatus (Refit): Succeeded 200: order o-1001 shipped", output);
        Assert.Contains("History: 9 records in memory, 9 in SQLite", output);
        Assert.Contains("NodeCommandLine: test exited 0 with a JSON report; --jsno exited 2 with a suggestion", output);
        Assert.Contains("AOT sample: all checks passed", output);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string file, string directory, TimeSpan limit, params string[] args)
        => ChildProcess.RunAsync(file, directory, limit, args);

    /// <summary>The one publish the tests share (a native publish takes a minute or more).</summary>
    public sealed class Published : IAsyncLifetime
    {
        private readonly string _root = Directory.CreateTempSubdirectory("sdknodes-aot-").FullName;

        public string Folder => Path.Combine(_root, "publish");

        public int ExitCode { get; private set; } = -1;

        public string Output { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            string project = Path.Combine(RepositoryRoot(), "samples", "SdkNodes.AotSample", "SdkNodes.AotSample.csproj");
            var clock = Stopwatch.StartNew();
            (ExitCode, Output) = await RunAsync("dotnet", _root, TimeSpan.FromMinutes(10),
                "publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", Folder, "-nologo");

            // Shown in the test log, so the cost of this check stays visible.
            TestContext.Current.SendDiagnosticMessage($"AOT publish: {clock.Elapsed.TotalSeconds:F0} s, exit code {ExitCode}");
        }

        public ValueTask DisposeAsync()
        {
            Directory.Delete(_root, recursive: true);
            return ValueTask.CompletedTask;
        }

        private static string RepositoryRoot([CallerFilePath] string path = "")
            => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
    }
}
