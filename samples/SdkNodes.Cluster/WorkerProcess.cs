using System.Diagnostics;

namespace SdkNodes.Cluster;

/// <summary>
/// One worker, as a real OS process: this program in worker mode, started through the dotnet host.
/// Its output lines are kept; <see cref="Kill"/> sends SIGKILL (no shutdown code runs, as when a
/// machine dies); <see cref="DisposeAsync"/> stops it gently and waits, then kills what is left.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentLines _output = new();

    private WorkerProcess(WorkerSettings settings, Process process)
    {
        Settings = settings;
        _process = process;
    }

    public WorkerSettings Settings { get; }

    public string Instance => Settings.Instance;

    public bool HasExited => _process.HasExited;

    /// <summary>What the worker wrote so far (standard output and error).</summary>
    public string Output => _output.ToString();

    /// <summary>Starts <paramref name="programDll"/> (this program's dll) in worker mode.</summary>
    public static WorkerProcess Start(string programDll, WorkerSettings settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(programDll);
        foreach (string argument in settings.ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(settings, process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            worker._output.Add(e.Data);
            if (e.Data == $"ready {settings.Instance}")
            {
                worker._ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                worker._output.Add(e.Data);
            }
        };
        process.Exited += (_, _) => worker._ready.TrySetException(new InvalidOperationException($"Worker {settings.Instance} exited before it was ready:\n{worker.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits for the worker's ready line, at most <paramref name="timeout"/>.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        try
        {
            await _ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Worker {Instance} was not ready within {timeout.TotalSeconds} s. Its output:\n{Output}");
        }
    }

    /// <summary>Kills the worker with SIGKILL: it gets no chance to finish, release or record anything.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Closing standard input asks the worker to stop and finish the runs it holds.
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }

    // Lines from two reader threads.
    private sealed class ConcurrentLines
    {
        private readonly Lock _gate = new();
        private readonly System.Text.StringBuilder _text = new();

        public void Add(string line)
        {
            lock (_gate)
            {
                _text.AppendLine(line);
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }
}
