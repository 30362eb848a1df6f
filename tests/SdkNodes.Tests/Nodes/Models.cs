namespace SdkNodes.Tests.Nodes;

/// <summary>What the IP-attribution API answers.</summary>
public sealed record IpInfo(string Province, string City, string Isp);

/// <summary>A small record sent and received as a JSON body.</summary>
public sealed record Thing(string Name, int Count);
