using System;
using System.Collections.Concurrent;
using System.Net.Http;

namespace SdkNodes;

/// <summary>
/// One shared <see cref="SocketsHttpHandler"/> per handler configuration (proxy or not,
/// certificate verification on or off), made
/// on first use and kept for the runtime's life, so connections are pooled and never a new
/// client per call. When the caller gives a handler, every request goes through it instead.
/// </summary>
internal sealed class HttpInvokerPool : IDisposable
{
    private readonly NodeRuntimeOptions _options;
    private readonly HttpMessageInvoker? _callerInvoker;
    private readonly ConcurrentDictionary<HandlerKey, Lazy<HttpMessageInvoker>> _invokers = new();

    public HttpInvokerPool(NodeRuntimeOptions options, HttpMessageHandler? callerHandler)
    {
        _options = options;
        if (callerHandler is not null)
        {
            // The caller owns their handler: the runtime never disposes it.
            _callerInvoker = new HttpMessageInvoker(callerHandler, disposeHandler: false);
        }
    }

    public HttpMessageInvoker Get(NodeDescriptor descriptor)
    {
        if (_callerInvoker is not null)
        {
            return _callerInvoker;
        }

        var key = new HandlerKey(
            UseProxy: descriptor.UseProxy && _options.Proxy is not null,
            ValidateCertificate: descriptor.ValidateCertificate);
        return _invokers.GetOrAdd(key, static (k, self) => new Lazy<HttpMessageInvoker>(() => self.Create(k)), this).Value;
    }

    private HttpMessageInvoker Create(HandlerKey key)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = _options.PooledConnectionLifetime,
            UseProxy = key.UseProxy,
            Proxy = key.UseProxy ? _options.Proxy : null,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (!key.ValidateCertificate)
        {
            // The node asked for it with [DisableCertificateValidation]; the build warned (SDKN012).
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
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
