using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SdkNodes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SdkNodes in a service collection (ASP.NET Core, Microsoft.Extensions.Hosting).</summary>
public static class SdkNodesServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="NodeRuntime"/> whose handlers come from
    /// <see cref="IHttpClientFactory"/> (one named client per handler configuration: direct,
    /// proxied, certificate checks off), logging through the container's <see cref="ILoggerFactory"/>.
    /// Options are validated when the host starts; a bad value stops it with a message naming it.
    /// </summary>
    public static IServiceCollection AddSdkNodes(this IServiceCollection services, Action<NodeRuntimeOptions>? configure = null)
        => services.AddSdkNodes(configuration: null, configure);

    /// <summary>
    /// As <see cref="AddSdkNodes(IServiceCollection, Action{NodeRuntimeOptions}?)"/>, reading base
    /// addresses, timeouts, the proxy and the network settings from a configuration section
    /// (typically <c>configuration.GetSection("SdkNodes")</c>) before <paramref name="configure"/> runs.
    /// </summary>
    public static IServiceCollection AddSdkNodes(this IServiceCollection services, IConfiguration? configuration, Action<NodeRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<string>();
        OptionsBuilder<NodeRuntimeOptions> options = services.AddOptions<NodeRuntimeOptions>();
        if (configuration is not null)
        {
            options.Configure(o => problems.AddRange(SdkNodesSettings.Apply(configuration, o)));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<IValidateOptions<NodeRuntimeOptions>>(new RuntimeOptionsValidation(problems));
        options.ValidateOnStart();

        foreach (HandlerKey key in HandlerKey.All)
        {
            services.AddHttpClient(key.ClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => new HandlerSettings(sp.GetRequiredService<IOptions<NodeRuntimeOptions>>().Value).CreateHandler(key))

                // The factory's own loggers write full URLs, secrets in query strings included; the runtime logs redacted ones.
                .RemoveAllLoggers();
        }

        services.TryAddSingleton(sp =>
        {
            NodeRuntimeOptions value = sp.GetRequiredService<IOptions<NodeRuntimeOptions>>().Value;
            value.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            return new NodeRuntime(value, handler: null, sp.GetRequiredService<IHttpMessageHandlerFactory>());
        });
        return services;
    }

    private static string? Problems(NodeRuntimeOptions options, List<string> problems)
    {
        if (problems.Count > 0)
        {
            return string.Join(" ", problems);
        }

        try
        {
            OptionsValidator.Validate(options);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message.Split(" (Parameter")[0];
        }
    }

    // Gives the validation failure its real message (Validate(predicate) only carries a fixed one).
    private sealed class RuntimeOptionsValidation(List<string> problems) : IValidateOptions<NodeRuntimeOptions>
    {
        public ValidateOptionsResult Validate(string? name, NodeRuntimeOptions options)
            => Problems(options, problems) is { } message ? ValidateOptionsResult.Fail(message) : ValidateOptionsResult.Success;
    }
}
