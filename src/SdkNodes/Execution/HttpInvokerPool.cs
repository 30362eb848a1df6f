using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;

namespace SdkNodes;

/// <summary>
/// Where each request's handler comes from. By default: shared <see cref="SocketsHttpHandler"/>s
/// per handler configuration (<see cref="HandlerKey"/>), made on first use and kept for the
/// runtime's life, so connections are pooled and never a new client per call. With egress
/// addresses there is one handler (one connection pool) per address, and each request takes one
/// at random: the address is chosen per request while connections are still reused. (Choosing
/// per connection left every request of a busy node on one address for as long as its
/// keep-alive connection lived.) With <c>AddSdkNodes</c>: the <see cref="IHttpMessageHandlerFactory"/>'s
/// named client of that configuration, whose handler still chooses the address per connection
/// (see <see cref="HandlerSettings.CreateHandler(HandlerKey)"/>). When the caller gives a
/// handler: that handler, for every request, and its own connections.
/// </summary>
internal sealed class HttpInvokerPool : IDisposable
{
    private readonly HandlerSettings _settings;
    private readonly HttpMessageInvoker? _callerInvoker;
    private readonly IHttpMessageHandlerFactory? _factory;
    // Per configuration, one invoker per egress slot (HandlerSettings.EgressSlots).
    private readonly ConcurrentDictionary<HandlerKey, Lazy<HttpMessageInvoker[]>> _invokers = new();

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

        HttpMessageInvoker[] invokers = _invokers.GetOrAdd(key, static (k, self) => new Lazy<HttpMessageInvoker[]>(
            () => self.CreateInvokers(k)), this).Value;

        // Redirects of this request go through the same invoker, so the whole request leaves from one address.
        return invokers.Length == 1 ? invokers[0] : invokers[Random.Shared.Next(invokers.Length)];
    }

    private HttpMessageInvoker[] CreateInvokers(HandlerKey key)
    {
        var invokers = new HttpMessageInvoker[_settings.EgressSlots];
        for (int slot = 0; slot < invokers.Length; slot++)
        {
            // A handler makes no connection until it sends, so an unused address costs nothing.
            invokers[slot] = new HttpMessageInvoker(_settings.CreateHandler(key, slot), disposeHandler: true);
        }

        return invokers;
    }

    public void Dispose()
    {
        _callerInvoker?.Dispose();
        foreach (Lazy<HttpMessageInvoker[]> invokers in _invokers.Values)
        {
            if (invokers.IsValueCreated)
            {
                foreach (HttpMessageInvoker invoker in invokers.Value)
                {
                    invoker.Dispose();
                }
            }
        }
    }
}
