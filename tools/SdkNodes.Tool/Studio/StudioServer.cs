using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SdkNodes.Tool.Studio.Pages;

namespace SdkNodes.Tool.Studio;

/// <summary>
/// The studio's web server: Kestrel on 127.0.0.1 only, pages rendered on the server, every
/// asset embedded. Requests for another Host are refused; the form that sends a test carries
/// an anti-forgery token, so another page open in the same browser cannot send with the developer's secrets.
/// </summary>
internal sealed class StudioServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NodeRuntime _runtime;
    private readonly StudioHistory _history;
    private readonly UploadFolder _uploads;

    private StudioServer(WebApplication app, NodeRuntime runtime, StudioHistory history, UploadFolder uploads, Uri address)
    {
        _app = app;
        _runtime = runtime;
        _history = history;
        _uploads = uploads;
        Address = address;
    }

    /// <summary>The page's address, e.g. http://127.0.0.1:5123/.</summary>
    public Uri Address { get; }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public static async Task<StudioServer> StartAsync(StudioSettings settings, IReadOnlyList<NodeDescriptor> descriptors, NodeTesterOptions? testerOptions = null)
    {
        var history = StudioHistory.Open(settings.HistoryPath);
        var options = new NodeRuntimeOptions { BaseAddress = settings.BaseAddress };
        options.HistorySinks.Add(history.Sink);
        var runtime = new NodeRuntime(options);
        var uploads = new UploadFolder();
        var nodes = new StudioNodes(settings.AssemblyPath, descriptors);
        var tester = new NodeTester(runtime, testerOptions);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
        // The tokens only need to outlive this process: keys in memory, nothing written to disk.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "sdknodes-studio-antiforgery");
        WebApplication app = builder.Build();

        app.Use(LoopbackHostCheck.InvokeAsync);
        app.Use(async (context, next) =>
        {
            // Pages are never framed by another site, and nothing is loaded from elsewhere.
            context.Response.Headers["X-Frame-Options"] = "DENY";
            context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next();
        });

        app.MapGet("/", (HttpRequest request) => NodeListPage.Render(nodes, request.Query["q"].FirstOrDefault()));
        app.MapGet("/nodes/{name}", async (string name, HttpContext context, IAntiforgery antiforgery) =>
        {
            if (nodes.Find(name) is not { } node)
            {
                return NotFound(nodes, name);
            }

            IReadOnlyDictionary<string, string?> remembered = await tester.RememberedValuesAsync(node, context.RequestAborted);
            return NodePage.Render(nodes, node, tester, antiforgery.GetAndStoreTokens(context), remembered, report: null);
        });
        app.MapPost("/nodes/{name}", async (string name, HttpContext context, IAntiforgery antiforgery) =>
        {
            if (nodes.Find(name) is not { } node)
            {
                return NotFound(nodes, name);
            }

            if (!await antiforgery.IsRequestValidAsync(context))
            {
                var refused = new Html().Element("h1", "Not sent").Element("p", "The form's anti-forgery token is missing or wrong, so nothing was sent. Open the node's page again and send from there.");
                return Layout.Page("Not sent", nodes.AssemblyName, refused, StatusCodes.Status400BadRequest);
            }

            if (node.CreateFromValues is null)
            {
                return NodePage.Render(nodes, node, tester, antiforgery.GetAndStoreTokens(context), new Dictionary<string, string?>(), report: null);
            }

            IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
            Dictionary<string, string?> values = await PostedValues.ReadAsync(form, node, tester, uploads, context.RequestAborted);
            TestReport report = await tester.TestAsync(node, values, context.RequestAborted);
            return NodePage.Render(nodes, node, tester, antiforgery.GetAndStoreTokens(context), values, report);
        });
        app.MapGet("/history", (HttpRequest request) => HistoryPage.RenderAsync(nodes, history, request, request.HttpContext.RequestAborted));
        var assets = new StudioAssets();
        app.MapGet("/assets/{file}", (string file) => assets.Find(file) is { } asset
            ? Results.Bytes(asset.Content, asset.ContentType)
            : Results.NotFound());

        await app.StartAsync();
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StudioServer(app, runtime, history, uploads, new Uri(bound.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _runtime.Dispose();
        _history.Dispose();
        _uploads.Dispose();
    }

    private static IResult NotFound(StudioNodes nodes, string name)
    {
        var html = new Html().Element("h1", "No such node")
            .Element("p", $"{nodes.AssemblyName} has no node named '{name}'. Known nodes: {string.Join(", ", nodes.All.Select(n => n.Name))}.");
        return Layout.Page("No such node", nodes.AssemblyName, html, StatusCodes.Status404NotFound);
    }
}
