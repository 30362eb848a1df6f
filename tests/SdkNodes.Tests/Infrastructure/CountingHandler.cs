namespace SdkNodes.Tests.Infrastructure;

/// <summary>A caller-supplied handler over a real <see cref="SocketsHttpHandler"/> that counts what goes through it.</summary>
public sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _calls;
    private readonly List<string> _uris = [];

    /// <summary>How many requests went through the handler.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The addresses of the requests, in order.</summary>
    public IReadOnlyList<string> Uris
    {
        get
        {
            lock (_uris)
            {
                return [.. _uris];
            }
        }
    }

    /// <summary>True once <see cref="HttpMessageHandler.Dispose()"/> has been called.</summary>
    public bool IsDisposed { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        lock (_uris)
        {
            _uris.Add(request.RequestUri!.AbsoluteUri);
        }

        return base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
