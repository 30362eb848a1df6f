using System.Net;
using System.Net.Sockets;

namespace SdkNodes.Tests.Faults;

/// <summary>
/// A caller handler over a real <see cref="SocketsHttpHandler"/> that makes sure no connection and
/// no DNS query leaves the machine (this machine's resolver is a server on the network). It
/// connects only to loopback addresses, and answers names itself instead of asking DNS: a name
/// under the reserved <c>.invalid</c> domain gets "host not found", which is what RFC 6761 §6.4
/// requires every resolver to answer, raised as the same <see cref="SocketException"/>
/// (<see cref="SocketError.HostNotFound"/>) the system resolver raises; any other name fails the test.
/// SocketsHttpHandler wraps that exception exactly as it wraps a real lookup failure, so the
/// runtime sees what it would see in production.
/// </summary>
public sealed class LoopbackOnlyHandler : DelegatingHandler
{
    private int _namesNotFound;

    public LoopbackOnlyHandler()
        : base(new SocketsHttpHandler())
    {
        ((SocketsHttpHandler)InnerHandler!).ConnectCallback = ConnectAsync;
    }

    /// <summary>How many names were answered "not found".</summary>
    public int NamesNotFound => Volatile.Read(ref _namesNotFound);

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        string host = context.DnsEndPoint.Host;
        if (!IPAddress.TryParse(host, out IPAddress? address))
        {
            if (host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase) || host.Equals("invalid", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _namesNotFound);
                throw new SocketException((int)SocketError.HostNotFound);
            }

            throw new InvalidOperationException($"The test tried to resolve '{host}', which would leave the machine.");
        }

        if (!IPAddress.IsLoopback(address))
        {
            throw new InvalidOperationException($"The test tried to connect to {address}, which is not a loopback address.");
        }

        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
