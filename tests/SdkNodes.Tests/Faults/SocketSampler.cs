using System.Globalization;

namespace SdkNodes.Tests.Faults;

/// <summary>
/// Samples, every 50 ms, the client-side TCP sockets connected to a port, as the Linux kernel lists
/// them in /proc/net/tcp and /proc/net/tcp6 (those whose remote port is the server's), in any state
/// but TIME_WAIT (which holds no descriptor). Elsewhere it reports -1.
/// </summary>
public sealed class SocketSampler : IDisposable
{
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private int _peak;

    private SocketSampler(int port)
    {
        _port = port;
        _sampler = OperatingSystem.IsLinux() ? Task.Run(SampleAsync) : Task.CompletedTask;
        _peak = OperatingSystem.IsLinux() ? 0 : -1;
    }

    public static SocketSampler Start(int port) => new(port);

    /// <summary>Client sockets to <paramref name="port"/> now, or -1 off Linux.</summary>
    public static int Count(int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        int count = 0;
        foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (string line in File.ReadLines(table).Skip(1))
            {
                // "  sl  local_address rem_address   st ..." with addresses as HEXIP:HEXPORT.
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4)
                {
                    continue;
                }

                string remote = fields[2];
                int remotePort = int.Parse(remote.AsSpan(remote.LastIndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (remotePort == port && fields[3] != "06")
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Stops sampling; returns the peak.</summary>
    public async Task<int> StopAsync()
    {
        _stop.Cancel();
        await _sampler;
        return _peak;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                _peak = Math.Max(_peak, Count(_port));
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
