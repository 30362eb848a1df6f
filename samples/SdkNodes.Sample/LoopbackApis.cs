using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SdkNodes.Sample;

/// <summary>
/// An embedded Kestrel server on 127.0.0.1 (a free port) that plays two third-party APIs:
/// an IP-attribution lookup under /ip and an order system under /orders, /customers and /inventory,
/// with its identity provider (/oauth/token, a form) and document store (/documents, multipart uploads).
/// </summary>
internal static class LoopbackApis
{
    public const string ApiKey = "sample-key-0f3a";

    public const string ClientId = "sample-client";

    public const string ClientSecret = "s3cret & more=+1";

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

        // The order search: two stored orders, filtered by what was asked.
        app.MapGet("/orders", (string? status, decimal? minAmount, DateOnly? placedAfter, bool? includeLines) =>
        {
            var orders = new[]
            {
                new { order_id = "o-1001", status = "Accepted", amount = 129.90m, placed_at = "2026-11-20T09:30:00Z", lines = new[] { new { sku = "sku-7", quantity = 2, unit_price = 64.95m } } },
                new { order_id = "o-0999", status = "Shipped", amount = 18.50m, placed_at = "2026-10-02T14:05:00Z", lines = new[] { new { sku = "sku-2", quantity = 1, unit_price = 18.50m } } },
            };
            var found = orders
                .Where(o => status is null || string.Equals(o.status, status, StringComparison.OrdinalIgnoreCase))
                .Where(o => minAmount is null || o.amount >= minAmount)
                .Where(o => placedAfter is null || DateOnly.FromDateTime(DateTime.Parse(o.placed_at, System.Globalization.CultureInfo.InvariantCulture)) > placedAfter)
                .Select(o => includeLines == true ? (object)o : new { o.order_id, o.status, o.amount, o.placed_at })
                .ToArray();
            return Results.Json(new { total = found.Length, orders = found });
        });

        // HEAD /orders: the order system's health, in headers only.
        app.MapMethods("/orders", ["HEAD"], (HttpResponse response) =>
        {
            response.Headers["X-Orders-Open"] = "2";
            return Results.Ok();
        });

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

        // OAuth 2.0 client credentials, read from the posted form (application/x-www-form-urlencoded).
        app.MapPost("/oauth/token", async (HttpRequest request) =>
        {
            if (!request.HasFormContentType)
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            IFormCollection form = await request.ReadFormAsync();
            return form["grant_type"] == "client_credentials" && form["client_id"] == ClientId && form["client_secret"] == ClientSecret
                ? Results.Json(new { access_token = "tok-" + Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 3600 })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });

        // A document store: reads the multipart form and answers what it got, with a SHA-256 prefix.
        app.MapPost("/documents", async (HttpRequest request) =>
        {
            if (!request.HasFormContentType)
            {
                return Results.Json(new { error = "not a form" }, statusCode: 400);
            }

            IFormCollection form = await request.ReadFormAsync();
            IFormFile? file = form.Files["file"];
            if (file is null || string.IsNullOrEmpty(form["orderId"]))
            {
                return Results.Json(new { error = "a file and an orderId are required" }, statusCode: 400);
            }

            await using Stream content = file.OpenReadStream();
            byte[] hash = await System.Security.Cryptography.SHA256.HashDataAsync(content);
            return Results.Json(
                new StoredDocument(form["orderId"].ToString(), file.FileName, file.ContentType, file.Length, Convert.ToHexStringLower(hash)[..12]),
                statusCode: 201);
        });

        await app.StartAsync();
        return app;
    }
}
