using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SdkNodes.Studio.Tests.Infrastructure;

/// <summary>
/// A long-running program started as a user starts it (<c>dotnet app.dll args</c>): waits for
/// the line that says where it listens, keeps its output for failure messages, and is killed
/// (with its children) when disposed.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private RunningProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts it and returns once a line matches <paramref name="ready"/>, with that match's first group.</summary>
    public static async Task<(RunningProcess Process, string Match)> StartAsync(string directory, Regex ready, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The sample's serve mode waits for Enter: a standard input that stays open keeps it running.
            RedirectStandardInput = true,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var running = new RunningProcess(Process.Start(start)!);
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                found.TrySetException(new InvalidOperationException($"'{string.Join(' ', args)}' ended before it was ready:\n{running.Output}"));
                return;
            }

            lock (running._gate)
            {
                running._output.AppendLine(line);
            }

            if (ready.Match(line) is { Success: true } match)
            {
                found.TrySetResult(match.Groups[1].Value);
            }
        }

        running._process.OutputDataReceived += (_, e) => OnLine(e.Data);
        running._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                OnLine(e.Data);
            }
        };
        running._process.BeginOutputReadLine();
        running._process.BeginErrorReadLine();
        try
        {
            string match = await found.Task.WaitAsync(limit);
            return (running, match);
        }
        catch (TimeoutException)
        {
            await running.DisposeAsync();
            throw new TimeoutException($"'{string.Join(' ', args)}' did not say it was ready within {limit.TotalSeconds} s:\n{running.Output}");
        }
    }

    /// <summary>Runs to the end (a program that finishes on its own) and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
