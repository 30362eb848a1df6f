using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Faults;

/// <summary>
/// A <see cref="LoopbackServer"/> (real Kestrel on 127.0.0.1) whose routes misbehave in the ways
/// a real API does, one route per fault, plus <c>/items/{id}</c> that answers well, so a test can
/// check the runtime still works after each fault. It counts its TCP connections
/// (<see cref="Connections"/>) and how much of the 10 GB body it generated.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    /// <summary>The size the <c>/faults/huge</c> route claims and would generate: 10 GiB.</summary>
    public const long HugeBodyBytes = 10L * 1024 * 1024 * 1024;

    /// <summary>How long a slow route holds at most, in real time, before it gives up with 504 (a safety net: the client should give up first).</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(30);

    private static readonly byte[] s_block = CreateBlock();
    private static readonly byte[] s_chunkedBlock = [.. Encoding.ASCII.GetBytes($"{s_block.Length:x}\r\n"), .. s_block, .. "\r\n"u8];

    private readonly TaskCompletionSource<long> _hugeEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _hugeBytesSent;
    private LoopbackServer? _server;

    private FaultServer()
    {
    }

    /// <summary>The server's root address.</summary>
    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>The underlying server, with every request it received.</summary>
    public LoopbackServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>The TCP connections the server has seen requests on.</summary>
    public ConnectionCounter Connections { get; } = new();

    /// <summary>Bytes of the huge body the kernel has taken to send so far (chunk framing not counted).</summary>
    public long HugeBytesSent => Interlocked.Read(ref _hugeBytesSent);

    /// <summary>Completes, with the bytes written, when the huge route stops generating its body.</summary>
    public Task<long> HugeBodyEnded => _hugeEnded.Task;

    /// <summary>Starts the server; <paramref name="configure"/> may map more routes.</summary>
    public static async Task<FaultServer> StartAsync(Action<WebApplication>? configure = null)
    {
        var faults = new FaultServer();
        faults._server = await LoopbackServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                faults.Connections.Track(context);
                await next(context);
            });
            faults.Map(app);
            configure?.Invoke(app);
        });
        return faults;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/items/{id}", (string id) => Results.Json(new { id }));

        // Nothing at all for far longer than any timeout: not even the status line.
        app.MapGet("/faults/slow-headers", HoldAsync);

        // The status line and headers at once, then one byte of the body every 100 ms, for 30 s.
        app.MapGet("/faults/drip", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(context.RequestAborted);
            try
            {
                for (int i = 0; i < MaxHold.TotalMilliseconds / 100 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(" "u8.ToArray(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(100, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client gave up: what it should do.
            }
        });

        // 200 with Content-Length: 1000, 11 bytes of the body, then a TCP reset (RST).
        app.MapGet("/faults/reset", ResetMidBodyAsync);

        // A chunked body whose first chunk arrives and whose last chunk never does: the connection closes.
        app.MapGet("/faults/truncated-chunked", (HttpContext context) =>
        {
            Socket socket = TakeSocket(context);
            socket.Send(Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
                "10\r\n{\"partial\":true,\r\n"));
            socket.Shutdown(SocketShutdown.Send);
            context.Abort();
        });

        // 200 OK saying JSON, with a body that is not JSON.
        app.MapGet("/faults/invalid-json", () => Results.Text("""{"province": "Bavaria", "city": """, "application/json"));

        // 500 with an HTML error page, as a framework's default error page looks.
        app.MapGet("/faults/html-500", () => Results.Text(ServerErrorPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status500InternalServerError));

        // Redirects to itself, for ever.
        app.MapGet("/faults/redirect-loop", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Redirect("/faults/redirect-loop");
        });

        // 10 GiB of 'x', generated block by block as it is sent (never held), with a Content-Length,
        // or chunked (?chunked=true). Written straight to the socket, so a block counts as sent only
        // once the kernel took it, and the first send after the client has gone fails: generation
        // stops at once, and HugeBytesSent is what really went out.
        app.MapGet("/faults/huge", async (HttpContext context, bool? chunked) =>
        {
            Socket socket = TakeSocket(context);
            byte[] block = chunked == true ? s_chunkedBlock : s_block;
            long sent = 0;
            try
            {
                string head = chunked == true
                    ? "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    : $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {HugeBodyBytes}\r\n\r\n";
                await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, context.RequestAborted);
                for (long body = 0; body < HugeBodyBytes; body += s_block.Length)
                {
                    await socket.SendAsync(block, SocketFlags.None, context.RequestAborted);
                    sent += s_block.Length;
                    Interlocked.Add(ref _hugeBytesSent, s_block.Length);
                }

                if (chunked == true)
                {
                    await socket.SendAsync("0\r\n\r\n"u8.ToArray(), SocketFlags.None, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away: stop generating.
            }
            finally
            {
                _hugeEnded.TrySetResult(sent);
                context.Abort();
            }
        });
    }

    /// <summary>An HTML error page with the kind of detail that must not reach a user's message.</summary>
    public const string ServerErrorPage =
        "<!DOCTYPE html><html><head><title>Internal Server Error</title></head><body>" +
        "<h1>Internal Server Error</h1><pre>System.NullReferenceException at Orders.Controller.Get()</pre></body></html>";

    /// <summary>Holds the request, sending nothing, until the client gives up (or, as a safety net, <see cref="MaxHold"/>: then 504).</summary>
    public static async Task HoldAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(MaxHold, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            await context.Response.WriteAsync("held for too long: the client did not give up");
        }
        catch (OperationCanceledException)
        {
            // The client gave up: nobody reads an answer.
        }
    }

    /// <summary>
    /// Writes the status line, the headers (Content-Length: 1000) and 11 bytes of the body straight to
    /// the socket, waits until the client's TCP stack has acknowledged them, then resets the connection.
    /// So the client always has the headers when the reset comes: the loss is mid-body, every time.
    /// </summary>
    public static async Task ResetMidBodyAsync(HttpContext context)
    {
        Socket socket = TakeSocket(context);
        socket.Send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"partial\":"u8);
        await WaitUntilAcknowledgedAsync(socket);
        socket.LingerState = new LingerOption(true, 0); // close with RST, not FIN
        socket.Close();
        context.Abort();
    }

    // Kestrel's socket for this connection; the route writes raw bytes Kestrel could not produce.
    private static Socket TakeSocket(HttpContext context) =>
        context.Features.Get<IConnectionSocketFeature>()?.Socket
        ?? throw new InvalidOperationException("Kestrel did not expose the connection's socket.");

    // Linux: polls TCP_INFO until no sent segment is unacknowledged (tcpi_unacked, at byte 24), so
    // the bytes are in the client's receive queue before the reset. Elsewhere it does nothing.
    private static async Task WaitUntilAcknowledgedAsync(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const int IpProtoTcp = 6, TcpInfo = 11, UnackedOffset = 24;
        byte[] info = new byte[104];
        for (int attempt = 0; attempt < 2000; attempt++)
        {
            int length = socket.GetRawSocketOption(IpProtoTcp, TcpInfo, info);
            if (length < UnackedOffset + 4 || BitConverter.ToUInt32(info, UnackedOffset) == 0)
            {
                return;
            }

            await Task.Delay(1);
        }
    }

    private static byte[] CreateBlock()
    {
        byte[] block = new byte[64 * 1024];
        block.AsSpan().Fill((byte)'x');
        return block;
    }
}

/// <summary>
/// Counts the server's TCP connections: one is opened when its first request arrives (Kestrel's
/// <see cref="Microsoft.AspNetCore.Http.HttpContext.Connection"/> id) and closed when Kestrel
/// reports the connection complete (<see cref="IConnectionCompleteFeature"/>), so
/// <see cref="Open"/> is the number of sockets the server holds right now.
/// </summary>
public sealed class ConnectionCounter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _open = new();
    private int _peak;
    private int _total;

    /// <summary>Connections open now.</summary>
    public int Open => _open.Count;

    /// <summary>The most connections open at once.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Connections opened in all.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Forgets the peak (e.g. between batches of a soak).</summary>
    public void ResetPeak() => Volatile.Write(ref _peak, Open);

    internal void Track(HttpContext context)
    {
        string id = context.Connection.Id;
        if (!_open.TryAdd(id, 0))
        {
            return;
        }

        Interlocked.Increment(ref _total);
        int open = _open.Count;
        int peak;
        while (open > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, open, peak) != peak)
        {
        }

        IConnectionCompleteFeature complete = context.Features.Get<IConnectionCompleteFeature>()
            ?? throw new InvalidOperationException("Kestrel did not expose IConnectionCompleteFeature.");
        complete.OnCompleted(
            static state =>
            {
                var (self, connectionId) = ((ConnectionCounter, string))state;
                self._open.TryRemove(connectionId, out _);
                return Task.CompletedTask;
            },
            (this, id));
    }

    /// <summary>Waits until no connection is open, or gives up after <paramref name="limit"/>; returns how many are still open.</summary>
    public async Task<int> WaitUntilAllClosedAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (Open > 0 && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        return Open;
    }
}
