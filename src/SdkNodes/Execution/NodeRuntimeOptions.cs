using System;
using System.Collections.Generic;
using System.Net;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SdkNodes;

/// <summary>
/// Settings for a <see cref="NodeRuntime"/>. The runtime copies what it needs when it is
/// created; changing the options afterwards does not change that runtime.
/// </summary>
public sealed class NodeRuntimeOptions
{
    /// <summary>
    /// The timeout of a node without <see cref="TimeoutAttribute"/>. Default: 10 seconds.
    /// It covers the whole exchange: connecting, the headers and the body.
    /// </summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Timeouts by node name that override both <see cref="DefaultTimeout"/> and the node's
    /// <see cref="TimeoutAttribute"/>. Default: empty.
    /// </summary>
    public IDictionary<string, TimeSpan> NodeTimeouts { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>
    /// The base address for nodes with a relative template (<c>/orders/{id}</c>) that have
    /// no entry in <see cref="BaseAddresses"/>. The template is appended to its path, so
    /// <c>https://staging.example.com/v2</c> gives <c>https://staging.example.com/v2/orders/1</c>.
    /// Default: none, and a relative node then fails with <see cref="NodeErrorKind.InvalidInput"/>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Base addresses by node name (class name or full name). Default: empty.</summary>
    public IDictionary<string, Uri> BaseAddresses { get; } = new Dictionary<string, Uri>(StringComparer.Ordinal);

    /// <summary>
    /// When <see cref="NodeResult.RawBody"/> keeps the body as text. Default:
    /// <see cref="RawBodyRetention.WhenNotDeserialized"/>: failures keep it, a body read into a
    /// typed <c>Body</c> is not copied again as text.
    /// </summary>
    public RawBodyRetention RawBodyRetention { get; set; } = RawBodyRetention.WhenNotDeserialized;

    /// <summary>Where history records go; each execution writes one record to each sink. Default: none.</summary>
    public IList<INodeHistorySink> HistorySinks { get; } = new List<INodeHistorySink>();

    /// <summary>The largest response body read, in bytes. Default: 16 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The organisation's web proxy (address, credentials, bypass list), used only by nodes
    /// marked <see cref="UseProxyAttribute"/>. Default: none.
    /// </summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>
    /// Trusted local addresses requests leave from (third parties allow-list them): each request
    /// leaves from one chosen at random (one connection pool per address, so connections are
    /// still reused), of the same family as the server's address. Under <c>AddSdkNodes</c> the
    /// choice is made per new connection instead. Default: none (the operating system chooses).
    /// </summary>
    public IList<IPAddress> EgressAddresses { get; } = new List<IPAddress>();

    /// <summary>
    /// The SSRF guard: when true, connections to loopback, private, link-local (cloud metadata),
    /// unique-local, carrier-grade NAT, multicast and unspecified addresses are refused with
    /// <see cref="NodeErrorKind.Blocked"/>, checked after DNS resolution on every new connection
    /// (redirects included). Default: false.
    /// </summary>
    public bool BlockPrivateNetworks { get; set; }

    /// <summary>Networks the SSRF guard lets through even though they are private, e.g. <c>10.20.0.0/16</c>. Default: none.</summary>
    public IList<IPNetwork> AllowedNetworks { get; } = new List<IPNetwork>();

    /// <summary>
    /// Certificate authorities trusted besides the system's, for servers with certificates from a
    /// private CA. Verification stays on. Default: none.
    /// </summary>
    public X509Certificate2Collection TrustedRootCertificates { get; } = [];

    /// <summary>The client certificate presented to servers that ask for one (mutual TLS). Default: none.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>
    /// The JSON options for request and response bodies. Default: <see cref="JsonSerializerDefaults.Web"/>
    /// (camelCase names, case-insensitive reading). Give a source-generated context as its
    /// <see cref="JsonSerializerOptions.TypeInfoResolver"/> to serialize without reflection.
    /// </summary>
    public JsonSerializerOptions? JsonSerializerOptions { get; set; }

    /// <summary>
    /// A type-info resolver (such as a source-generated <c>JsonSerializerContext</c>) used in
    /// place of <see cref="JsonSerializerOptions"/>'s own. Default: none.
    /// </summary>
    /// <remarks>
    /// With no resolver in either place, bodies are read and written by reflection where the
    /// application allows it (<see cref="JsonSerializer.IsReflectionEnabledByDefault"/>). A trimmed
    /// or native AOT application turns that off: give it a context that lists every body type.
    /// </remarks>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get; set; }

    /// <summary>Header names whose values are redacted in history and logs, ignoring case. Default: the usual credentials.</summary>
    public ISet<string> SensitiveHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "Set-Cookie",
        "X-Api-Key",
        "Api-Key",
        "X-Auth-Token",
    };

    /// <summary>
    /// Headers sent with every generated node's request unless the node sets that header itself
    /// (a class <see cref="HeaderAttribute"/>, a <see cref="HeaderAttribute"/> property with a value,
    /// or its idempotency key header). Names ignore case; names listed in
    /// <see cref="SensitiveHeaders"/> are "***" in history and logs. Checked when the runtime is
    /// made: a name that is not an HTTP token or a content header (<c>Content-Type</c>, which
    /// belongs to a body), or a value with CR, LF or NUL, is refused, and so is a value outside
    /// ASCII unless <see cref="SendHeaderValuesAsUtf8"/> is on. A <c>User-Agent</c> entry here wins
    /// over <see cref="UserAgent"/>. Calls made by another client (SdkNodes.Refit) keep that
    /// client's headers. Default: empty.
    /// </summary>
    public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>User-Agent</c> header of every generated node's request that sets none itself; null
    /// sends no <c>User-Agent</c> at all. A <c>User-Agent</c> entry in <see cref="DefaultHeaders"/>
    /// wins over this (it is the more deliberate setting: this one has a default). Default:
    /// <see cref="DefaultUserAgent"/>, <c>SdkNodes/&lt;version&gt;</c>.
    /// </summary>
    public string? UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// <c>SdkNodes/&lt;version&gt;</c>: the SdkNodes assembly's informational version without its
    /// <c>+commit</c> suffix, e.g. <c>SdkNodes/0.1.0</c>.
    /// </summary>
    public static string DefaultUserAgent { get; } = "SdkNodes/" + ProductVersion();

    /// <summary>How long a pooled connection lives before it is replaced, so DNS changes are seen. Default: 2 minutes.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Where the runtime logs each execution (redacted URL, outcome, error; never values).
    /// Default: none. Spans and metrics go to the <c>SdkNodes</c> ActivitySource and Meter whatever this is.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The retry of every node that has no <see cref="RetryAttribute"/> (<c>[Retry(0)]</c> turns it
    /// off for one node). POST and PATCH nodes without <see cref="IdempotencyKeyAttribute"/> are
    /// never retried. Default: null, no retry.
    /// </summary>
    public RetrySettings? DefaultRetry { get; set; }

    /// <summary>
    /// Adds the caller's own Polly strategies (hedging, a fallback, telemetry...) to a node's
    /// pipeline, outside the retry: called once per node descriptor with the builder and the
    /// descriptor; add nothing to leave a node as it is. While this is set, every node runs
    /// through a pipeline (the cost of one even when nothing was added). Strategies added here
    /// are not bound by the POST/PATCH rule: a hedge sends a POST twice. Default: none.
    /// </summary>
    public Action<Polly.ResiliencePipelineBuilder<NodeResult>, NodeDescriptor>? ConfigureResilience { get; set; }

    /// <summary>
    /// True to send header values with characters outside ASCII as UTF-8. HTTP/1.1 defines header
    /// values as ASCII (RFC 9110 §5.5) and many servers reject or garble others, so by default
    /// such a value fails the node before anything is sent, with <see cref="NodeErrorKind.InvalidInput"/>
    /// naming the header. Default: false.
    /// </summary>
    public bool SendHeaderValuesAsUtf8 { get; set; }

    /// <summary>The clock for timeouts, start times and durations. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    // The package version users see (0.1.0, 0.2.0-preview.1); the SDK appends "+<commit>" to the
    // informational version, which says nothing to a server and changes with every build.
    private static string ProductVersion()
    {
        Assembly assembly = typeof(NodeRuntimeOptions).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
