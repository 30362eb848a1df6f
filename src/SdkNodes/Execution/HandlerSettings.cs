using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SdkNodes;

/// <summary>One handler configuration: through the proxy or not, certificates verified or not.</summary>
internal readonly record struct HandlerKey(bool UseProxy, bool ValidateCertificate)
{
    /// <summary>Every configuration, for registering one named client each.</summary>
    public static readonly HandlerKey[] All = [new(false, true), new(true, true), new(false, false), new(true, false)];

    /// <summary>The IHttpClientFactory client name of this configuration.</summary>
    public string ClientName => "SdkNodes" + (UseProxy ? ".Proxy" : ".Direct") + (ValidateCertificate ? string.Empty : ".NoCertificateCheck");
}

/// <summary>
/// What every <see cref="SocketsHttpHandler"/> the runtime makes shares, taken from the options
/// once (a snapshot), and how one is made for a <see cref="HandlerKey"/>.
/// </summary>
internal sealed class HandlerSettings
{
    private readonly TimeSpan _pooledConnectionLifetime;
    private readonly X509Certificate2Collection _trustedRoots;
    private readonly X509Certificate2? _clientCertificate;
    // Chooses an egress address per connection: for the IHttpClientFactory path (see EgressSlots).
    private readonly SocketConnector _connector;

    // One per egress address, each binding to its own: the handlers of HttpInvokerPool.
    private readonly SocketConnector[] _egressConnectors;
    private readonly bool _headerValuesAsUtf8;

    public HandlerSettings(NodeRuntimeOptions options)
    {
        _pooledConnectionLifetime = options.PooledConnectionLifetime;
        Proxy = options.Proxy;
        _trustedRoots = [.. options.TrustedRootCertificates];
        _clientCertificate = options.ClientCertificate;
        _headerValuesAsUtf8 = options.SendHeaderValuesAsUtf8;
        IPAddress[] egress = [.. options.EgressAddresses];
        IPNetwork[] allowed = [.. options.AllowedNetworks];
        _connector = new SocketConnector(egress, preferred: null, options.BlockPrivateNetworks, allowed);
        _egressConnectors = Array.ConvertAll(egress, address => new SocketConnector(egress, address, options.BlockPrivateNetworks, allowed));
    }

    public IWebProxy? Proxy { get; }

    /// <summary>
    /// How many handlers a <see cref="HandlerKey"/> gets in the runtime's own pool: one per egress
    /// address (each its own connection pool, so keep-alive connections stay on their address
    /// and the address is chosen per request), or one when there are none.
    /// </summary>
    public int EgressSlots => Math.Max(1, _egressConnectors.Length);

    public HandlerKey KeyFor(NodeDescriptor descriptor)
        => new(UseProxy: descriptor.UseProxy && Proxy is not null, ValidateCertificate: descriptor.ValidateCertificate);

    /// <summary>
    /// A handler that chooses the egress address per new connection. For the IHttpClientFactory
    /// path: its named clients (one per <see cref="HandlerKey"/>) are registered before the
    /// options, and so the number of addresses, are known; a keep-alive connection there keeps
    /// its address for its life (<see cref="NodeRuntimeOptions.PooledConnectionLifetime"/>).
    /// </summary>
    public SocketsHttpHandler CreateHandler(HandlerKey key) => CreateHandler(key, _connector);

    /// <summary>The handler of egress slot <paramref name="egressSlot"/> (0 to <see cref="EgressSlots"/> - 1): it leaves from that address.</summary>
    public SocketsHttpHandler CreateHandler(HandlerKey key, int egressSlot)
        => CreateHandler(key, _egressConnectors.Length == 0 ? _connector : _egressConnectors[egressSlot]);

    private SocketsHttpHandler CreateHandler(HandlerKey key, SocketConnector connector)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = _pooledConnectionLifetime,
            UseProxy = key.UseProxy,
            Proxy = key.UseProxy ? Proxy : null,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,

            // The runtime follows redirects itself, only for nodes that allow it.
            AllowAutoRedirect = false,
        };

        if (connector.IsNeeded)
        {
            handler.ConnectCallback = connector.ConnectAsync;
        }

        if (_headerValuesAsUtf8)
        {
            // The caller chose UTF-8 for values outside ASCII (RequestPreparer lets them through);
            // ASCII values are the same bytes either way. Without a selector the handler refuses
            // them while sending.
            handler.RequestHeaderEncodingSelector = static (_, _) => Encoding.UTF8;
        }

        if (_clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { _clientCertificate };
        }

        if (!key.ValidateCertificate)
        {
            // The node asked for it with [DisableCertificateValidation]; the build warned (SDKN012).
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (_trustedRoots.Count > 0)
        {
            X509Certificate2Collection roots = _trustedRoots;
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                CertificateTrust.IsTrusted(roots, certificate, chain, errors);
        }

        return handler;
    }
}
