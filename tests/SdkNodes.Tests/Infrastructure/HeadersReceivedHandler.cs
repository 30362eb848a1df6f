namespace SdkNodes.Tests.Infrastructure;

/// <summary>
/// A caller-supplied handler over a real <see cref="SocketsHttpHandler"/> that signals when the
/// client has the response headers (the body may still be arriving).
/// </summary>
public sealed class HeadersReceivedHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly TaskCompletionSource _headersReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a response's headers have been read.</summary>
    public Task HeadersReceived => _headersReceived.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        _headersReceived.TrySetResult();
        return response;
    }
}
