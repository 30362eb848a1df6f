using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace SdkNodes;

/// <summary>
/// The <c>SdkNodes</c> configuration section (appsettings.json), as text, and how it becomes
/// <see cref="NodeRuntimeOptions"/>. Every value that does not parse is reported with its path.
/// </summary>
/// <example>
/// <code>
/// "SdkNodes": {
///   "BaseAddress": "https://staging.example.com/v2",
///   "BaseAddresses": { "IpAttribution": "https://apis.example.com" },
///   "DefaultTimeout": "00:00:10",
///   "NodeTimeouts": { "SlowReport": "00:01:00" },
///   "MaxResponseBytes": 16777216,
///   "Proxy": "http://proxy.internal:3128",
///   "ProxyBypass": [ "*.internal" ],
///   "BlockPrivateNetworks": true,
///   "EgressAddresses": [ "10.0.0.5", "10.0.0.6" ],
///   "UserAgent": "Contoso.Workflows/2.1",
///   "DefaultHeaders": { "X-Tenant": "contoso" }
/// }
/// </code>
/// </example>
internal sealed class SdkNodesSettings
{
    public string? BaseAddress { get; set; }

    public Dictionary<string, string> BaseAddresses { get; set; } = new(StringComparer.Ordinal);

    public string? DefaultTimeout { get; set; }

    public Dictionary<string, string> NodeTimeouts { get; set; } = new(StringComparer.Ordinal);

    public long? MaxResponseBytes { get; set; }

    public string? Proxy { get; set; }

    public List<string> ProxyBypass { get; set; } = [];

    public bool? BlockPrivateNetworks { get; set; }

    public List<string> EgressAddresses { get; set; } = [];

    /// <summary>The User-Agent; an empty value sends none (configuration cannot hold null).</summary>
    public string? UserAgent { get; set; }

    public Dictionary<string, string> DefaultHeaders { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Applies the section to <paramref name="options"/>; returns what did not parse.</summary>
    public static List<string> Apply(IConfiguration section, NodeRuntimeOptions options)
    {
        var settings = new SdkNodesSettings();
        section.Bind(settings);
        string path = section is IConfigurationSection named ? named.Path : "SdkNodes";
        var problems = new List<string>();

        if (settings.BaseAddress is { } baseAddress)
        {
            options.BaseAddress = HttpAddress(baseAddress, $"{path}:BaseAddress", problems);
        }

        foreach ((string node, string address) in settings.BaseAddresses)
        {
            if (HttpAddress(address, $"{path}:BaseAddresses:{node}", problems) is { } uri)
            {
                options.BaseAddresses[node] = uri;
            }
        }

        if (settings.DefaultTimeout is { } timeout && Duration(timeout, $"{path}:DefaultTimeout", problems) is { } parsed)
        {
            options.DefaultTimeout = parsed;
        }

        foreach ((string node, string text) in settings.NodeTimeouts)
        {
            if (Duration(text, $"{path}:NodeTimeouts:{node}", problems) is { } nodeTimeout)
            {
                options.NodeTimeouts[node] = nodeTimeout;
            }
        }

        if (settings.MaxResponseBytes is { } max)
        {
            options.MaxResponseBytes = max;
        }

        if (settings.Proxy is { } proxy && HttpAddress(proxy, $"{path}:Proxy", problems) is { } proxyAddress)
        {
            options.Proxy = new WebProxy(proxyAddress, BypassOnLocal: false, settings.ProxyBypass.ToArray());
        }

        if (settings.BlockPrivateNetworks is { } block)
        {
            options.BlockPrivateNetworks = block;
        }

        foreach (string egress in settings.EgressAddresses)
        {
            if (IPAddress.TryParse(egress, out IPAddress? address))
            {
                options.EgressAddresses.Add(address);
            }
            else
            {
                problems.Add($"{path}:EgressAddresses has '{egress}', which is not an IP address.");
            }
        }

        if (settings.UserAgent is { } userAgent)
        {
            options.UserAgent = userAgent.Length == 0 ? null : userAgent;
        }

        foreach ((string name, string value) in settings.DefaultHeaders)
        {
            // Checked with the rest of the options when the runtime is made.
            options.DefaultHeaders[name] = value;
        }

        return problems;
    }

    private static Uri? HttpAddress(string text, string path, List<string> problems)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        problems.Add($"{path} is '{text}', which is not an absolute http or https address.");
        return null;
    }

    private static TimeSpan? Duration(string text, string path, List<string> problems)
    {
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value))
        {
            return value;
        }

        problems.Add($"{path} is '{text}', which is not a duration such as 00:00:10.");
        return null;
    }
}
