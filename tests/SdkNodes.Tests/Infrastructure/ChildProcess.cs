using System.Diagnostics;

namespace SdkNodes.Tests.Infrastructure;

/// <summary>Runs a command as a user would (not as a child of the test host's MSBuild) and returns its exit code and output.</summary>
public static class ChildProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string directory, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestRuntime.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestRuntime.Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestRuntime.Token);
        timeout.CancelAfter(limit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
