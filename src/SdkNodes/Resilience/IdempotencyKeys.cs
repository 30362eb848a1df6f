using System;
using System.Security.Cryptography;
using System.Text;

namespace SdkNodes;

/// <summary>
/// The idempotency key of one execution, the same on each of its attempts. Inside a workflow
/// run it is derived from the run's id, the node's full name and its position in the run, so a
/// run executed again with the same id (recovered on another worker) sends the same keys; a node
/// sent on its own gets a random key.
/// </summary>
internal static class IdempotencyKeys
{
    /// <summary>The key for this execution, or null when the node sends none.</summary>
    public static string? For(NodeDescriptor descriptor, ExecutionScope scope)
    {
        if (descriptor.IdempotencyKeyHeader is null)
        {
            return null;
        }

        if (scope.RunId is null)
        {
            return Guid.NewGuid().ToString("N");
        }

        // SHA-256 of "run id / node / position": stable across workers and processes, and it
        // says nothing about the run id itself to the server.
        string source = $"{scope.RunId}\n{descriptor.FullName}\n{scope.Position}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(source), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
