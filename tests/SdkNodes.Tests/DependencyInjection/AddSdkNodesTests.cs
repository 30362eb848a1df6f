using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SdkNodes.Tests.Headers;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Network;

namespace SdkNodes.Tests.DependencyInjection;

/// <summary>services.AddSdkNodes(): a runtime over IHttpClientFactory, configured from appsettings, validated at start.</summary>
public class AddSdkNodesTests
{
    private sealed class CountingHandler : DelegatingHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSdkNodes(builder.Configuration.GetSection("SdkNodes"));
        more?.Invoke(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task Runtime_ComesFromTheContainer_UsesTheClientFactory_AndBaseAddressesFromConfiguration()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/where", () => "from config"));
        var counting = new CountingHandler();
        using IHost host = BuildHost(
            new() { ["SdkNodes:BaseAddresses:Where"] = server.BaseAddress.ToString(), ["SdkNodes:DefaultTimeout"] = "00:00:05" },
            services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => counting)));
        await host.StartAsync(TestRuntime.Token);

        NodeRuntime runtime = host.Services.GetRequiredService<NodeRuntime>();
        var result = await new Where().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal("from config", result.RawBody);
        Assert.Equal(1, counting.Calls);
        Assert.Same(runtime, host.Services.GetRequiredService<NodeRuntime>());
        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<NodeRuntimeOptions>>().Value.DefaultTimeout);
        await host.StopAsync(TestRuntime.Token);
    }

    [Fact]
    public async Task UserAgentAndDefaultHeaders_FromConfiguration_ReachTheServer()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/headers", () => "ok"));
        using IHost host = BuildHost(new()
        {
            ["SdkNodes:BaseAddress"] = server.BaseAddress.ToString(),
            ["SdkNodes:UserAgent"] = "Contoso.Workflows/2.1",
            ["SdkNodes:DefaultHeaders:X-Tenant"] = "contoso",
        });
        await host.StartAsync(TestRuntime.Token);

        await new GetWithoutHeaders().SendAsync(host.Services.GetRequiredService<NodeRuntime>(), TestRuntime.Token);

        Assert.Equal("Contoso.Workflows/2.1", server.SingleRequest.Header("User-Agent"));
        Assert.Equal("contoso", server.SingleRequest.Header("X-Tenant"));
        await host.StopAsync(TestRuntime.Token);
    }

    [Fact]
    public async Task EmptyUserAgentInConfiguration_SendsNone_AsNullDoesInCode()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/headers", () => "ok"));
        using IHost host = BuildHost(new() { ["SdkNodes:BaseAddress"] = server.BaseAddress.ToString(), ["SdkNodes:UserAgent"] = string.Empty });
        await host.StartAsync(TestRuntime.Token);

        await new GetWithoutHeaders().SendAsync(host.Services.GetRequiredService<NodeRuntime>(), TestRuntime.Token);

        Assert.False(server.SingleRequest.Headers.ContainsKey("User-Agent"));
        await host.StopAsync(TestRuntime.Token);
    }

    [Fact]
    public void Configuration_MapsListsNumbersAndFlags_ReachTheOptions_WithoutReflection()
    {
        using IHost host = BuildHost(new()
        {
            ["SdkNodes:NodeTimeouts:SlowReport"] = "00:01:00",
            ["SdkNodes:MaxResponseBytes"] = "2048",
            ["SdkNodes:Proxy"] = "http://proxy.internal:3128",
            ["SdkNodes:ProxyBypass:0"] = @"\.internal$",
            ["SdkNodes:ProxyBypass:1"] = @"\.corp$",
            ["SdkNodes:BlockPrivateNetworks"] = "true",
            ["SdkNodes:EgressAddresses:0"] = "127.0.0.2",
            ["SdkNodes:EgressAddresses:1"] = "127.0.0.3",
        });

        NodeRuntimeOptions options = host.Services.GetRequiredService<IOptions<NodeRuntimeOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(1), options.NodeTimeouts["SlowReport"]);
        Assert.Equal(2048, options.MaxResponseBytes);
        var proxy = Assert.IsType<System.Net.WebProxy>(options.Proxy);
        Assert.Equal(new Uri("http://proxy.internal:3128"), proxy.Address);
        Assert.Equal(2, proxy.BypassList.Length);
        Assert.True(options.BlockPrivateNetworks);
        Assert.Equal(["127.0.0.2", "127.0.0.3"], options.EgressAddresses.Select(a => a.ToString()));
    }

    [Theory]
    [InlineData("SdkNodes:BaseAddress", "ftp://files.example.com", "SdkNodes:BaseAddress is 'ftp://files.example.com', which is not an absolute http or https address.")]
    [InlineData("SdkNodes:DefaultTimeout", "soon", "SdkNodes:DefaultTimeout is 'soon', which is not a duration such as 00:00:10.")]
    [InlineData("SdkNodes:DefaultTimeout", "-00:00:01", "NodeRuntimeOptions.DefaultTimeout must be positive")]
    [InlineData("SdkNodes:Proxy", "not a proxy", "SdkNodes:Proxy is 'not a proxy', which is not an absolute http or https address.")]
    [InlineData("SdkNodes:DefaultHeaders:X Tenant", "contoso", "NodeRuntimeOptions.DefaultHeaders has the header name 'X Tenant', which is not an HTTP header name")]
    [InlineData("SdkNodes:MaxResponseBytes", "lots", "SdkNodes:MaxResponseBytes is 'lots', which is not a whole number of bytes.")]
    [InlineData("SdkNodes:BlockPrivateNetworks", "maybe", "SdkNodes:BlockPrivateNetworks is 'maybe', which is not true or false.")]
    [InlineData("SdkNodes:EgressAddresses:0", "nowhere", "SdkNodes:EgressAddresses has 'nowhere', which is not an IP address.")]
    public async Task BadOptions_StopTheHostAtStart_WithAMessageNamingTheValue(string key, string value, string message)
    {
        using IHost host = BuildHost(new() { [key] = value });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestRuntime.Token));

        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public async Task ProxyBypass_ThatIsNotARegularExpression_StopsTheHostAtStart_NamingTheEntry()
    {
        // "*.internal" is how a wildcard is usually written; WebProxy would throw on it later,
        // when the proxy is first used, with a regex parser's message naming no setting.
        using IHost host = BuildHost(new() { ["SdkNodes:Proxy"] = "http://proxy.internal:3128", ["SdkNodes:ProxyBypass:0"] = "*.internal" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestRuntime.Token));

        Assert.Contains("SdkNodes:ProxyBypass has '*.internal', which is not a regular expression", failure.Message);
    }
}
