using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;

namespace SdkNodes;

/// <summary>
/// Where each request's handler comes from. By default: one shared <see cref="SocketsHttpHandler"/>
/// per handler configuration (<see cref="HandlerKey"/>), made on first use and kept for the
/// runtime's life, so connections are pooled and never a new client per call. With
/// <c>AddSdkNodes</c>: the <see cref="IHttpMessageHandlerFactory"/>'s named client of that
/// configuration. When the caller gives a handler: that handler, for every request.
/// </summary>
internal sealed class HttpInvokerPool : IDisposable
{
    private readonly HandlerSettings _settings;
    private readonly HttpMessageInvoker? _callerInvoker;
    private readonly IHttpMessageHandlerFactory? _factory;
    private readonly ConcurrentDictionary<HandlerKey, Lazy<HttpMessageInvoker>> _invokers = new();

    public HttpInvokerPool(HandlerSettings settings, HttpMessageHandler? callerHandler, IHttpMessageHandlerFactory? factory)
    {
        _settings = settings;
        _factory = factory;
        if (callerHandler is not null)
        {
            // The caller owns their handler: the runtime never disposes it.
            _callerInvoker = new HttpMessageInvoker(callerHandler, disposeHandler: false);
        }
    }

    /// <summary>The proxy a node's request goes through, or null when it goes direct.</summary>
    public IWebProxy? ProxyFor(NodeDescriptor descriptor)
        => _callerInvoker is null && _settings.KeyFor(descriptor).UseProxy ? _settings.Proxy : null;

    public HttpMessageInvoker Get(NodeDescriptor descriptor)
    {
        if (_callerInvoker is not null)
        {
            return _callerInvoker;
        }

        HandlerKey key = _settings.KeyFor(descriptor);
        if (_factory is not null)
        {
            // The factory pools and rotates its handlers; asking per request is how it is meant to be used.
            return new HttpMessageInvoker(_factory.CreateHandler(key.ClientName), disposeHandler: false);
        }

        return _invokers.GetOrAdd(key, static (k, self) => new Lazy<HttpMessageInvoker>(
            () => new HttpMessageInvoker(self._settings.CreateHandler(k), disposeHandler: true)), this).Value;
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
}
