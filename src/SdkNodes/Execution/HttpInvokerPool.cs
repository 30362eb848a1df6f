using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SdkNodes;

/// <summary>
/// One shared <see cref="SocketsHttpHandler"/> per handler configuration (proxy or not,
/// certificate verification on or off), made on first use and kept for the runtime's life, so
/// connections are pooled and never a new client per call. When the caller gives a handler,
/// every request goes through it instead.
/// </summary>
internal sealed class HttpInvokerPool : IDisposable
{
    private readonly HttpMessageInvoker? _callerInvoker;
    private readonly ConcurrentDictionary<HandlerKey, Lazy<HttpMessageInvoker>> _invokers = new();
    private readonly TimeSpan _pooledConnectionLifetime;
    private readonly IWebProxy? _proxy;
    private readonly X509Certificate2Collection _trustedRoots;
    private readonly X509Certificate2? _clientCertificate;
    private readonly SocketConnector _connector;

    public HttpInvokerPool(NodeRuntimeOptions options, HttpMessageHandler? callerHandler)
    {
        // A snapshot: changing the options after the runtime is made changes nothing.
        _pooledConnectionLifetime = options.PooledConnectionLifetime;
        _proxy = options.Proxy;
        _trustedRoots = [.. options.TrustedRootCertificates];
        _clientCertificate = options.ClientCertificate;
        _connector = new SocketConnector([.. options.EgressAddresses], options.BlockPrivateNetworks, [.. options.AllowedNetworks]);
        if (callerHandler is not null)
        {
            // The caller owns their handler: the runtime never disposes it.
            _callerInvoker = new HttpMessageInvoker(callerHandler, disposeHandler: false);
        }
    }

    /// <summary>The proxy a node's request goes through, or null when it goes direct.</summary>
    public IWebProxy? ProxyFor(NodeDescriptor descriptor) => _callerInvoker is null && descriptor.UseProxy ? _proxy : null;

    public HttpMessageInvoker Get(NodeDescriptor descriptor)
    {
        if (_callerInvoker is not null)
        {
            return _callerInvoker;
        }

        var key = new HandlerKey(UseProxy: ProxyFor(descriptor) is not null, ValidateCertificate: descriptor.ValidateCertificate);
        return _invokers.GetOrAdd(key, static (k, self) => new Lazy<HttpMessageInvoker>(() => self.Create(k)), this).Value;
    }

    private HttpMessageInvoker Create(HandlerKey key)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = _pooledConnectionLifetime,
            UseProxy = key.UseProxy,
            Proxy = key.UseProxy ? _proxy : null,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,

            // The runtime follows redirects itself, only for nodes that allow it.
            AllowAutoRedirect = false,
        };

        if (_connector.IsNeeded)
        {
            handler.ConnectCallback = _connector.ConnectAsync;
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

        return new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public void Dispose()
    {
        _callerInvoker?.Dispose();
        foreach (var invoker in _invokers.Values)
        {
            if (invoker.IsValueCreated)
            {
                invoker.Value.Dispose();
            }
        }
    }

    private readonly record struct HandlerKey(bool UseProxy, bool ValidateCertificate);
}
