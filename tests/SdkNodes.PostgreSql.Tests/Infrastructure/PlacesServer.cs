using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SdkNodes.PostgreSql.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 (a free port) answering <c>GET /places</c>.</summary>
public sealed class PlacesServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlacesServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<PlacesServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        app.MapGet("/places", () => Results.Json(new { city = "Lyon" }));
        await app.StartAsync(TestContext.Current.CancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PlacesServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>A node with a secret in its URL and another in a header: the runtime redacts both before any sink sees them.</summary>
[ApiRequest("GET", "/places{?city,key}")]
public sealed partial class FindPlaceWithKey : IApiNode
{
    public required string City { get; init; }

    [Secret]
    public required string Key { get; init; }

    [Header("Authorization"), Secret]
    public string? Token { get; init; }
}
