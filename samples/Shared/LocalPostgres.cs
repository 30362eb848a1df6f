using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes.Samples;

/// <summary>
/// A throwaway PostgreSQL server for the cluster demo and the tests: Debian's server binaries
/// (<c>/usr/lib/postgresql/N/bin</c>), <c>initdb</c> into a temporary folder, <c>pg_ctl start</c>
/// on a free port, reachable through a unix socket in that folder only. PostgreSQL refuses to
/// run as root, so as root it runs as the <c>postgres</c> user. Stopped and deleted when disposed.
/// Linked as source into the projects that use it.
/// </summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    /// <summary>The environment variable that names a server to use instead (a connection string); .ci/run sets it.</summary>
    public const string ConnectionVariable = "SDKNODES_POSTGRES";

    private readonly string? _folder;
    private readonly string? _bin;

    private LocalPostgres(string connectionString, string? folder, string? bin)
    {
        ConnectionString = connectionString;
        _folder = folder;
        _bin = bin;
    }

    /// <summary>An Npgsql connection string for the server's <c>postgres</c> database, as the <c>postgres</c> superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>The server named by <see cref="ConnectionVariable"/> when it is set; otherwise a new one, started here.</summary>
    public static async Task<LocalPostgres> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } given)
        {
            return new LocalPostgres(given, folder: null, bin: null);
        }

        string bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault() ?? string.Empty
            : string.Empty;
        if (bin.Length == 0)
        {
            throw new InvalidOperationException($"No PostgreSQL server binaries under /usr/lib/postgresql/*/bin: install Debian's postgresql package, or set {ConnectionVariable} to a connection string.");
        }

        string folder = Path.Combine(Path.GetTempPath(), "sdknodes-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (IsRoot())
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false, cancellationToken).ConfigureAwait(false);
        }

        int port = FreePort();
        string data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], IsRoot(), cancellationToken).ConfigureAwait(false);
        // No TCP listener at all: the socket in the folder is the only way in. fsync is off
        // because the server is thrown away; the tests kill workers, never this server.
        string serverOptions = $"-p {port} -k {folder} -c listen_addresses='' -c fsync=off -c max_connections=200";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", serverOptions, "-l", Path.Combine(folder, "server.log"), "-w", "start"], IsRoot(), cancellationToken).ConfigureAwait(false);
        return new LocalPostgres($"Host={folder};Port={port};Username=postgres;Database=postgres", folder, bin);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null || _bin is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], IsRoot(), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (string arg in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' failed ({process.ExitCode}): {await errors.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
