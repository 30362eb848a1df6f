using System.Diagnostics;

namespace SdkNodes.Generator.Tests.Build;

/// <summary>
/// The real thing: `dotnet build` of a small project that references the runtime and the
/// generator as an analyzer, as a user's project does.
/// </summary>
public class DotnetBuildTests
{
    [Fact]
    public async Task DotnetBuild_UnknownTemplateVariable_FailsWithSdkn004AtTheVariable()
    {
        string directory = Path.Combine(Path.GetTempPath(), "sdknodes-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string bin = AppContext.BaseDirectory;
            await File.WriteAllTextAsync(Path.Combine(directory, "User.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="{Path.Combine(bin, "SdkNodes.dll")}" />
                    <Analyzer Include="{Path.Combine(bin, "SdkNodes.Generator.dll")}" />
                  </ItemGroup>
                </Project>
                """, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "Nodes.cs"), """
                using SdkNodes;
                namespace Demo;
                [ApiRequest("GET", "/orders/{ordrId}")]
                public sealed partial class Lookup : IApiNode { public required string OrderId { get; init; } }
                public static class Use
                {
                    public static System.Threading.Tasks.Task Run(NodeRuntime runtime) => new Lookup { OrderId = "1" }.SendAsync(runtime);
                }
                """, TestContext.Current.CancellationToken);

            (int exitCode, string output) = await RunAsync("dotnet", "build -nologo -clp:NoSummary", directory);

            Assert.NotEqual(0, exitCode);
            // Line 3, column 30: the 'o' of ordrId inside the string literal.
            Assert.Contains("Nodes.cs(3,30): error SDKN004: Template variable 'ordrId' of 'Lookup' has no matching property; did you mean 'OrderId'?", output);
            Assert.DoesNotContain("error CS", output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Run as a user would, not as a child of the test host's MSBuild.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
