using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace SdkNodes;

/// <summary>
/// The <c>SdkNodes</c> configuration section (appsettings.json), read as text, and how it becomes
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
///   "ProxyBypass": [ "\\.internal$" ],
///   "BlockPrivateNetworks": true,
///   "EgressAddresses": [ "10.0.0.5", "10.0.0.6" ],
///   "UserAgent": "Contoso.Workflows/2.1",
///   "DefaultHeaders": { "X-Tenant": "contoso" }
/// }
/// </code>
/// </example>
internal static class SdkNodesSettings
{
    /// <summary>Applies the section to <paramref name="options"/>; returns what did not parse.</summary>
    /// <remarks>
    /// The section is read key by key rather than bound with <c>ConfigurationBinder.Bind</c>,
    /// which needs reflection (a trimmed or native AOT application could not use it), and so
    /// that a number or a flag that does not parse is reported like every other value.
    /// </remarks>
    public static List<string> Apply(IConfiguration section, NodeRuntimeOptions options)
    {
        string path = section is IConfigurationSection named ? named.Path : "SdkNodes";
        var problems = new List<string>();

        if (section["BaseAddress"] is { } baseAddress)
        {
            options.BaseAddress = HttpAddress(baseAddress, $"{path}:BaseAddress", problems);
        }

        foreach ((string node, string address) in Entries(section, "BaseAddresses"))
        {
            if (HttpAddress(address, $"{path}:BaseAddresses:{node}", problems) is { } uri)
            {
                options.BaseAddresses[node] = uri;
            }
        }

        if (section["DefaultTimeout"] is { } timeout && Duration(timeout, $"{path}:DefaultTimeout", problems) is { } parsed)
        {
            options.DefaultTimeout = parsed;
        }

        foreach ((string node, string text) in Entries(section, "NodeTimeouts"))
        {
            if (Duration(text, $"{path}:NodeTimeouts:{node}", problems) is { } nodeTimeout)
            {
                options.NodeTimeouts[node] = nodeTimeout;
            }
        }

        if (Filled(section["MaxResponseBytes"]) is { } maxText)
        {
            if (long.TryParse(maxText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long max))
            {
                options.MaxResponseBytes = max;
            }
            else
            {
                problems.Add($"{path}:MaxResponseBytes is '{maxText}', which is not a whole number of bytes.");
            }
        }

        if (section["Proxy"] is { } proxy && HttpAddress(proxy, $"{path}:Proxy", problems) is { } proxyAddress)
        {
            var bypass = new List<string>();
            foreach ((_, string entry) in Entries(section, "ProxyBypass"))
            {
                if (IsBypassPattern(entry, $"{path}:ProxyBypass", problems))
                {
                    bypass.Add(entry);
                }
            }

            options.Proxy = new WebProxy(proxyAddress, BypassOnLocal: false, [.. bypass]);
        }

        if (Filled(section["BlockPrivateNetworks"]) is { } blockText)
        {
            if (bool.TryParse(blockText, out bool block))
            {
                options.BlockPrivateNetworks = block;
            }
            else
            {
                problems.Add($"{path}:BlockPrivateNetworks is '{blockText}', which is not true or false.");
            }
        }

        foreach ((_, string egress) in Entries(section, "EgressAddresses"))
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

        // An empty value sends no User-Agent: configuration cannot hold null.
        if (section["UserAgent"] is { } userAgent)
        {
            options.UserAgent = userAgent.Length == 0 ? null : userAgent;
        }

        foreach ((string name, string value) in Entries(section, "DefaultHeaders"))
        {
            // Checked with the rest of the options when the runtime is made.
            options.DefaultHeaders[name] = value;
        }

        return problems;
    }

    /// <summary>
    /// The values under <paramref name="key"/>: a map's names, or a list's indexes, in the
    /// configuration's order (which sorts list indexes as numbers).
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> Entries(IConfiguration section, string key)
    {
        foreach (IConfigurationSection child in section.GetSection(key).GetChildren())
        {
            if (child.Value is { } value)
            {
                yield return new(child.Key, value);
            }
        }
    }

    // WebProxy reads each bypass entry as a regular expression and throws when the proxy is
    // first used if one is not; "*.internal", the natural way to write a wildcard, is not.
    private static bool IsBypassPattern(string entry, string path, List<string> problems)
    {
        try
        {
            _ = new Regex(entry, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            problems.Add($"{path} has '{entry}', which is not a regular expression: WebProxy matches bypass entries as regular expressions, such as \\.internal$ for every host ending in .internal.");
            return false;
        }
    }

    // A number or a flag left empty is unset, as the binder treated it.
    private static string? Filled(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

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
