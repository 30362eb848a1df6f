using System.Net;
using System.Net.Sockets;

namespace SdkNodes;

/// <summary>
/// Which addresses the SSRF guard (<see cref="NodeRuntimeOptions.BlockPrivateNetworks"/>) refuses:
/// loopback, private (RFC 1918), link-local (169.254.0.0/16, where cloud metadata lives),
/// carrier-grade NAT (100.64.0.0/10), multicast, broadcast and unspecified addresses in IPv4;
/// loopback, unspecified, link-local (fe80::/10), unique-local (fc00::/7) and multicast in IPv6;
/// and IPv4-mapped IPv6 forms of the IPv4 ones.
/// </summary>
internal static class AddressRules
{
    /// <summary>Why <paramref name="address"/> is refused ("a private network"), or null when it is public.</summary>
    public static string? BlockedBecause(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            byte[] b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => "the unspecified network",
                10 => "a private network",
                127 => "the loopback network",
                100 when b[1] >= 64 && b[1] <= 127 => "a carrier-grade NAT network",
                169 when b[1] == 254 => "a link-local network (such as cloud metadata at 169.254.169.254)",
                172 when b[1] >= 16 && b[1] <= 31 => "a private network",
                192 when b[1] == 168 => "a private network",
                >= 224 and <= 239 => "a multicast network",
                >= 240 => "a reserved or broadcast network",
                _ => null,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any))
            {
                return "the unspecified network";
            }

            if (IPAddress.IsLoopback(address))
            {
                return "the loopback network";
            }

            byte[] b = address.GetAddressBytes();
            if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)
            {
                return "a link-local network";
            }

            if ((b[0] & 0xFE) == 0xFC)
            {
                return "a unique-local (private) network";
            }

            if (b[0] == 0xFF)
            {
                return "a multicast network";
            }
        }

        return null;
    }
}
