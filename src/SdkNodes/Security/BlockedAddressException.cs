using System;
using System.Net;

namespace SdkNodes;

/// <summary>The SSRF guard refused to connect: the host's address is on a network it blocks.</summary>
internal sealed class BlockedAddressException(string host, IPAddress address, string reason)
    : Exception($"{host} resolves to {address}, which is on {reason}; the runtime is set to refuse such addresses.")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;
}
