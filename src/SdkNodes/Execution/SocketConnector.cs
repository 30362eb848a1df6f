using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// Opens each connection the shared handlers make: resolves the host, refuses blocked
/// addresses (the SSRF guard, checked after DNS on every new connection, so on every redirect
/// too), and binds the socket to a trusted egress address: <paramref name="preferred"/> when it
/// is of the server address's family, else one of that family chosen at random.
/// </summary>
/// <param name="egressAddresses">All the trusted egress addresses; empty when the operating system chooses.</param>
/// <param name="preferred">
/// The egress address of this connector's handler (one handler per address, chosen per request
/// by <see cref="HttpInvokerPool"/>), or null to choose per connection. The family of the
/// server's address is known only here, after DNS, so a handler whose address is of the other
/// family falls back to a random one of the right family.
/// </param>
/// <param name="blockPrivateNetworks">The SSRF guard is on.</param>
/// <param name="allowedNetworks">Networks the guard lets through.</param>
internal sealed class SocketConnector(IReadOnlyList<IPAddress> egressAddresses, IPAddress? preferred, bool blockPrivateNetworks, IReadOnlyList<IPNetwork> allowedNetworks)
{
    public bool IsNeeded => egressAddresses.Count > 0 || blockPrivateNetworks;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        string host = context.DnsEndPoint.Host;
        IPAddress[] addresses = IPAddress.TryParse(host, out IPAddress? literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

        if (blockPrivateNetworks)
        {
            foreach (IPAddress address in addresses)
            {
                if (!IsAllowed(address) && AddressRules.BlockedBecause(address) is { } reason)
                {
                    // One blocked address refuses the host: DNS could hand out either.
                    throw new BlockedAddressException(host, address, reason);
                }
            }
        }

        Exception? last = null;
        foreach (IPAddress address in addresses)
        {
            IPAddress? local = ChooseEgress(address.AddressFamily);
            if (egressAddresses.Count > 0 && local is null)
            {
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (local is not null)
                {
                    socket.Bind(new IPEndPoint(local, 0));
                }

                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }

        throw last ?? new SocketException((int)SocketError.AddressFamilyNotSupported);
    }

    private bool IsAllowed(IPAddress address)
    {
        IPAddress plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (IPNetwork network in allowedNetworks)
        {
            if (network.Contains(plain))
            {
                return true;
            }
        }

        return false;
    }

    private IPAddress? ChooseEgress(AddressFamily family)
    {
        if (egressAddresses.Count == 0)
        {
            return null;
        }

        if (preferred is not null && preferred.AddressFamily == family)
        {
            return preferred;
        }

        Span<int> matching = stackalloc int[egressAddresses.Count];
        int count = 0;
        for (int i = 0; i < egressAddresses.Count; i++)
        {
            if (egressAddresses[i].AddressFamily == family)
            {
                matching[count++] = i;
            }
        }

        return count == 0 ? null : egressAddresses[matching[Random.Shared.Next(count)]];
    }
}
