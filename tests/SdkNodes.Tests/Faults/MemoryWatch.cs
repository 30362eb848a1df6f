using System.Diagnostics;

namespace SdkNodes.Tests.Faults;

/// <summary>
/// Watches the process's memory while a test runs: the managed heap after a full collection
/// (<see cref="GC.GetTotalMemory(bool)"/>) and the working set (<see cref="Process.WorkingSet64"/>)
/// at the start, the working set's peak sampled every 10 ms, and both at the end.
/// </summary>
public sealed class MemoryWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakWorkingSet;

    private MemoryWatch()
    {
        StartManaged = GC.GetTotalMemory(forceFullCollection: true);
        StartWorkingSet = WorkingSet();
        _peakWorkingSet = StartWorkingSet;
        _sampler = Task.Run(SampleAsync);
    }

    public long StartManaged { get; }

    public long StartWorkingSet { get; }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public long EndManaged { get; private set; }

    public long EndWorkingSet { get; private set; }

    public static MemoryWatch Start() => new();

    /// <summary>Stops sampling and takes the end figures.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        await _sampler;
        EndManaged = GC.GetTotalMemory(forceFullCollection: true);
        EndWorkingSet = WorkingSet();
        Raise(EndWorkingSet);
    }

    public override string ToString() =>
        $"managed heap {MiB(StartManaged)} -> {MiB(EndManaged)}, working set {MiB(StartWorkingSet)} -> {MiB(EndWorkingSet)} (peak {MiB(PeakWorkingSet)})";

    public static string MiB(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MiB";

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Raise(WorkingSet());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Raise(long sample)
    {
        long peak;
        while (sample > (peak = Interlocked.Read(ref _peakWorkingSet)) && Interlocked.CompareExchange(ref _peakWorkingSet, sample, peak) != peak)
        {
        }
    }

    private static long WorkingSet()
    {
        using Process process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
