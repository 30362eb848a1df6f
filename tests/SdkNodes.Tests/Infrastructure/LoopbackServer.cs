using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SdkNodes.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) with the routes a test gives. It records
/// every request before the route runs, exactly as it arrived, so a test can check what was sent
/// even while the route is still waiting.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>The one request received; fails the test when there were none or several.</summary>
    public ReceivedRequest SingleRequest => Assert.Single(Requests);

    /// <summary>Starts a server whose routes <paramref name="configure"/> maps.</summary>
    public static Task<LoopbackServer> StartAsync(Action<WebApplication> configure)
        => StartAsync(configure, "http://127.0.0.1:0", kestrel: null);

    /// <summary>
    /// Starts a server that records only the requests <paramref name="record"/> accepts: a route
    /// taking a body too large to keep in memory (an upload test measuring memory) is left out.
    /// </summary>
    public static Task<LoopbackServer> StartAsync(Action<WebApplication> configure, Func<HttpContext, bool> record)
        => StartAsync(configure, "http://127.0.0.1:0", kestrel: null, record);

    /// <summary>Starts a server on <paramref name="url"/> (another loopback address, or https with <paramref name="kestrel"/> setting the certificate).</summary>
    public static Task<LoopbackServer> StartAsync(Action<WebApplication> configure, string url, Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>? kestrel)
        => StartAsync(configure, url, kestrel, record: null);

    private static async Task<LoopbackServer> StartAsync(Action<WebApplication> configure, string url, Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>? kestrel, Func<HttpContext, bool>? record)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        if (kestrel is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel);
        }

        var app = builder.Build();

        LoopbackServer? server = null;
        app.Use(async (context, next) =>
        {
            if (record?.Invoke(context) == false)
            {
                await next(context);
                return;
            }

            server!._requests.Enqueue(await ReceivedRequest.ReadAsync(context));
            await next(context);
        });
        configure(app);

        await app.StartAsync(TestContext.Current.CancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Forgets the requests received so far (a long load test would otherwise keep them all).</summary>
    public void ForgetRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        // Routes still waiting are aborted with their connections; do not wait for them.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the server received it.</summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string QueryString,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>The body's bytes exactly as they arrived (<see cref="Body"/> is them read as UTF-8).</summary>
    public byte[] BodyBytes { get; init; } = [];

    /// <summary>The value of a header, or null when it was not sent. Names ignore case.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    internal static async Task<ReceivedRequest> ReadAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }

        // Read the whole body, then hand the route an unread copy of the very bytes (binary
        // bodies included: text read back as UTF-8 would replace invalid bytes).
        var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, context.RequestAborted);
        byte[] bytes = copy.ToArray();
        request.Body = new MemoryStream(bytes, writable: false);

        // As StreamReader read it before: a UTF-8 byte order mark is not part of the text.
        string body = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8).ReadToEnd();
        return new ReceivedRequest(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, rawTarget, headers, body)
        {
            BodyBytes = bytes,
        };
    }
}
