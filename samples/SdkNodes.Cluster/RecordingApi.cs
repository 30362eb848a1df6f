using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SdkNodes.Cluster;

/// <summary>One request the API received, as it arrived.</summary>
/// <param name="Path">The endpoint, which names the node (/stock/reservations, /payments, /shipments, /orders/changes).</param>
/// <param name="RunId">The run's id (the X-Run-Id header).</param>
/// <param name="IdempotencyKey">The Idempotency-Key header.</param>
/// <param name="Worker">The worker that sent it (the X-Worker header every worker adds).</param>
/// <param name="At">When it arrived.</param>
public sealed record ReceivedRequest(string Path, string? RunId, string? IdempotencyKey, string? Worker, DateTimeOffset At);

/// <summary>
/// The order system the cluster pushes to: Kestrel on 127.0.0.1 (a free port) that records every
/// request it receives and answers each push after <see cref="Delay"/>, so a worker killed part
/// way holds runs in flight. Used by the demo and by the multi-process test.
/// </summary>
public sealed class RecordingApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly TimeProvider _time;
    private WebApplication? _app;

    private RecordingApi(TimeSpan delay, TimeSpan syncDelay, TimeProvider time)
    {
        Delay = delay;
        SyncDelay = syncDelay;
        _time = time;
    }

    /// <summary>How long each push takes to answer.</summary>
    public TimeSpan Delay { get; }

    /// <summary>How long a pull of the order changes takes to answer (a test makes it long, to kill a worker during it).</summary>
    public TimeSpan SyncDelay { get; }

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToArray();

    /// <summary>The number of requests received so far.</summary>
    public int Count => _received.Count;

    /// <summary>The purchase endpoints, in the order the purchase workflow sends them.</summary>
    public static IReadOnlyList<string> PurchasePaths { get; } = ["/stock/reservations", "/payments", "/shipments"];

    /// <summary>How many purchase runs <paramref name="worker"/> had sent the last node of, in <paramref name="received"/>.</summary>
    public static int Shipped(IReadOnlyList<ReceivedRequest> received, string worker)
        => received.Count(r => r.Worker == worker && r.Path == "/shipments");

    /// <summary>The purchase runs <paramref name="worker"/> had sent some nodes of but not the last, in <paramref name="received"/>.</summary>
    public static HashSet<string> InFlight(IReadOnlyList<ReceivedRequest> received, string worker)
        => received.Where(r => r.Worker == worker && PurchasePaths.Contains(r.Path))
            .GroupBy(r => r.RunId ?? "")
            .Where(g => g.All(r => r.Path != "/shipments"))
            .Select(g => g.Key)
            .ToHashSet();

    public static async Task<RecordingApi> StartAsync(TimeSpan delay, TimeSpan syncDelay = default, TimeProvider? time = null)
    {
        var api = new RecordingApi(delay, syncDelay, time ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        foreach (string path in PurchasePaths)
        {
            app.MapPost(path, async (HttpRequest request) =>
            {
                ReceivedRequest received = api.Record(request);
                await Task.Delay(api.Delay, api._time, CancellationToken.None);
                return Results.Json(new Accepted(received.IdempotencyKey ?? "", "accepted"), statusCode: StatusCodes.Status201Created);
            });
        }

        app.MapGet("/orders/changes", async (HttpRequest request) =>
        {
            api.Record(request);
            await Task.Delay(api.SyncDelay, api._time, CancellationToken.None);
            return Results.Json(new { changed = Array.Empty<string>() });
        });
        await app.StartAsync();
        api._app = app;
        api.Address = new Uri(app.Urls.First() + "/");
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private ReceivedRequest Record(HttpRequest request)
    {
        var received = new ReceivedRequest(
            request.Path.Value ?? "",
            Header(request, "X-Run-Id"),
            Header(request, "Idempotency-Key"),
            Header(request, WorkerHost.WorkerHeader),
            _time.GetUtcNow());
        _received.Enqueue(received);
        return received;
    }

    private static string? Header(HttpRequest request, string name)
        => request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
