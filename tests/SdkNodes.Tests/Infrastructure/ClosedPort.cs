using System.Net;
using System.Net.Sockets;

namespace SdkNodes.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on: bound, read, then released.</summary>
public static class ClosedPort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
