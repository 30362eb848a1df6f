using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SdkNodes.AotSample;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a port the system picks) that plays the two APIs.
/// One request per connection (it answers "Connection: close"); plain code on sockets, so the
/// native executable carries no web framework.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public const string ApiKey = "aot-key-0f3a";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _orderPosts;

    private LoopbackServer()
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public static LoopbackServer Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            (string method, string target, Dictionary<string, string> headers, byte[] body) = await ReadRequestAsync(stream);
            (int status, string json) = Answer(method, target, headers, body);
            byte[] content = Encoding.UTF8.GetBytes(json);
            string head = $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: application/json\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            await stream.WriteAsync(content, _stop.Token);
        }
    }

    private (int Status, string Json) Answer(string method, string target, Dictionary<string, string> headers, byte[] body)
    {
        var uri = new Uri(BaseAddress, target);
        string path = uri.AbsolutePath;
        string query = uri.Query;
        if (method == "GET" && path == "/ip/8.8.8.8")
        {
            return query switch
            {
                "?key=" + ApiKey + "&detail=Full" => (200, """{"error_code":0,"province":"California","city":"Mountain View","isp":"Google"}"""),
                "?key=revoked&detail=Full" => (401, "{}"),
                _ => (200, """{"error_code":10001,"reason":"The key is not valid for this API"}"""),
            };
        }

        if (method == "POST" && path == "/orders")
        {
            // The load balancer drops the first attempt; the retry carries the same key.
            if (Interlocked.Increment(ref _orderPosts) == 1)
            {
                return (503, "{}");
            }

            using JsonDocument order = JsonDocument.Parse(body);
            string orderId = order.RootElement.GetProperty("orderId").GetString() ?? "";
            string key = headers.GetValueOrDefault("idempotency-key", "");
            return (201, $$"""{"orderId":"{{orderId}}","status":"stored","idempotencyKey":"{{key}}"}""");
        }

        if (method == "GET" && path == "/orders/o-1001/status")
        {
            return (200, """{"orderId":"o-1001","status":"shipped"}""");
        }

        if (method == "PATCH" && path == "/contacts/c-1")
        {
            // The fields it was sent, as it got them.
            return (200, Encoding.UTF8.GetString(body));
        }

        if (method == "POST" && path == "/oauth/token")
        {
            bool valid = Encoding.ASCII.GetString(body) == "grant_type=client_credentials&client_id=aot-client&client_secret=s3cr%2Bt"
                && headers.GetValueOrDefault("content-type", "").StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal);
            return valid ? (200, """{"access_token":"token-1","expires_in":3600}""") : (401, "{}");
        }

        if (method == "GET" && path == "/customers/c-1")
        {
            return (200, """{"name":"Ada","city":"Mountain View"}""");
        }

        return (404, "{}");
    }

    private async Task<(string Method, string Target, Dictionary<string, string> Headers, byte[] Body)> ReadRequestAsync(NetworkStream stream)
    {
        // The head, byte by byte up to the blank line (requests here are small), then the body.
        var head = new List<byte>();
        byte[] one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("The client closed the connection before the end of the request head.");
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        byte[] body = new byte[headers.TryGetValue("Content-Length", out string? length) ? int.Parse(length) : 0];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return (requestLine[0], requestLine[1], headers, body);
    }
}
