using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SdkNodes.Sample;

/// <summary>
/// An embedded Kestrel server on 127.0.0.1 (a free port) that plays two third-party APIs:
/// an IP-attribution lookup under /ip and an order system under /orders, /customers and /inventory.
/// </summary>
internal static class LoopbackApis
{
    public const string ApiKey = "sample-key-0f3a";

    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        app.MapGet("/ip/ipNew", (string? ip, string? key) =>
        {
            if (key != ApiKey)
            {
                return Results.Json(new { error_code = 10001, reason = "invalid key" }, statusCode: 401);
            }

            return ip == "8.8.8.8"
                ? Results.Json(new { error_code = 0, province = "California", city = "Mountain View", isp = "Google" })
                : Results.Json(new { error_code = 10002, reason = $"no record for {ip}" });
        });

        // The first request of each idempotency key meets a busy load balancer (503); the retry,
        // with the same key, goes through.
        var seenKeys = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        app.MapPost("/orders", (Order order, HttpRequest request) =>
            seenKeys.TryAdd(request.Headers["Idempotency-Key"].ToString(), true)
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Json(new OrderReceipt(order.OrderId, "accepted"), statusCode: 201));

        app.MapGet("/customers/{id}", (string id) =>
            id == "c-1" ? Results.Json(new { id, name = "Ada" }) : Results.NotFound());

        app.MapPost("/inventory/{sku}/reservations", (string sku) =>
            sku == "sku-sold-out" ? Results.Conflict(new { reason = "sold out" }) : Results.Json(new { sku, reserved = 1 }, statusCode: 201));

        app.MapGet("/inventory/{sku}", async (string sku, CancellationToken aborted) =>
        {
            // Far beyond the node's 0.5 s timeout; ends early when the client gives up.
            await Task.Delay(TimeSpan.FromSeconds(5), aborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Json(new { sku, stock = 3 });
        });

        await app.StartAsync();
        return app;
    }
}
