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
    private readonly SocketConnector _connector;
    private readonly bool _headerValuesAsUtf8;

    public HandlerSettings(NodeRuntimeOptions options)
    {
        _pooledConnectionLifetime = options.PooledConnectionLifetime;
        Proxy = options.Proxy;
        _trustedRoots = [.. options.TrustedRootCertificates];
        _clientCertificate = options.ClientCertificate;
        _headerValuesAsUtf8 = options.SendHeaderValuesAsUtf8;
        _connector = new SocketConnector([.. options.EgressAddresses], options.BlockPrivateNetworks, [.. options.AllowedNetworks]);
    }

    public IWebProxy? Proxy { get; }

    public HandlerKey KeyFor(NodeDescriptor descriptor)
        => new(UseProxy: descriptor.UseProxy && Proxy is not null, ValidateCertificate: descriptor.ValidateCertificate);

    public SocketsHttpHandler CreateHandler(HandlerKey key)
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

        if (_connector.IsNeeded)
        {
            handler.ConnectCallback = _connector.ConnectAsync;
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
