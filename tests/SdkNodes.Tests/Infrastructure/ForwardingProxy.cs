using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SdkNodes.Tests.Infrastructure;

/// <summary>
/// A small forwarding web proxy on 127.0.0.1: absolute-form requests for plain HTTP, CONNECT
/// tunnels for HTTPS, optional Basic credentials. It records the request line of everything it
/// receives, so a test can see how the client used it.
/// </summary>
public sealed class ForwardingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _expectedAuthorization;
    private readonly Task _accepting;

    public ForwardingProxy(string? user = null, string? password = null)
    {
        if (user is not null)
        {
            _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        }

        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The request lines received, e.g. "GET http://127.0.0.1:5000/x HTTP/1.1" or "CONNECT 127.0.0.1:5001 HTTP/1.1".</summary>
    public ConcurrentQueue<string> RequestLines { get; } = new();

    /// <summary>
    /// Every request with the proxy's verdict on its credentials, in arrival order. SocketsHttpHandler
    /// sends a request (CONNECT included) without credentials first and again with them after the
    /// 407 challenge, so a test of wrong credentials can check they were really sent and refused.
    /// </summary>
    public ConcurrentQueue<ProxyExchange> Exchanges { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                (string head, byte[] rest) = await ReadHeadAsync(stream);
                string[] lines = head.Split("\r\n");
                RequestLines.Enqueue(lines[0]);
                string[] requestLine = lines[0].Split(' ');

                // Checked before the CONNECT and absolute-form branches: a tunnel needs the credentials too.
                bool sentCredentials = lines.Any(l => l.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase));
                bool allowed = _expectedAuthorization is null || lines.Contains("Proxy-Authorization: " + _expectedAuthorization, StringComparer.OrdinalIgnoreCase);
                Exchanges.Enqueue(new ProxyExchange(lines[0], sentCredentials, allowed));
                if (!allowed)
                {
                    await WriteAsync(stream, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }

                if (requestLine[0] == "CONNECT")
                {
                    string[] hostPort = requestLine[1].Split(':');
                    using var upstream = new TcpClient();
                    await upstream.ConnectAsync(hostPort[0], int.Parse(hostPort[1]), _stop.Token);
                    await WriteAsync(stream, "HTTP/1.1 200 Connection Established\r\n\r\n");
                    await PipeAsync(stream, upstream.GetStream());
                    return;
                }

                var target = new Uri(requestLine[1]);
                using var origin = new TcpClient();
                await origin.ConnectAsync(target.Host, target.Port, _stop.Token);
                var forwarded = new StringBuilder($"{requestLine[0]} {target.PathAndQuery} {requestLine[2]}\r\n");
                foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
                {
                    if (!line.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase))
                    {
                        forwarded.Append(line).Append("\r\n");
                    }
                }

                forwarded.Append("Connection: close\r\n\r\n");
                NetworkStream originStream = origin.GetStream();
                await WriteAsync(originStream, forwarded.ToString());
                await originStream.WriteAsync(rest, _stop.Token);
                await PipeAsync(stream, originStream);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A client or origin that went away ends this connection only.
            }
        }
    }

    private static async Task<(string Head, byte[] Remainder)> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[4096];
        while (true)
        {
            int read = await stream.ReadAsync(one);
            if (read == 0)
            {
                throw new IOException("the client closed before its request head ended");
            }

            buffer.AddRange(one.AsSpan(0, read));
            int end = IndexOf(buffer, "\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.ASCII.GetString(buffer.GetRange(0, end).ToArray()), buffer.GetRange(end + 4, buffer.Count - end - 4).ToArray());
            }
        }
    }

    private static int IndexOf(List<byte> buffer, ReadOnlySpan<byte> pattern)
    {
        for (int i = 0; i + pattern.Length <= buffer.Count; i++)
        {
            bool match = true;
            for (int j = 0; j < pattern.Length && match; j++)
            {
                match = buffer[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    private Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token).AsTask();

    private async Task PipeAsync(Stream client, Stream upstream)
    {
        Task up = client.CopyToAsync(upstream, _stop.Token);
        Task down = upstream.CopyToAsync(client, _stop.Token);
        await Task.WhenAny(up, down);
    }
}

/// <summary>One request the proxy received: its request line, whether it carried Proxy-Authorization, and whether the proxy let it through.</summary>
public sealed record ProxyExchange(string RequestLine, bool SentCredentials, bool Allowed);
