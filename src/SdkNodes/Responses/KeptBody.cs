using System;
using System.Buffers;
using System.Text;

namespace SdkNodes;

/// <summary>
/// A response body kept as UTF-8 for <see cref="NodeResult.RawBody"/>, decoded only when read.
/// A body past <see cref="ChunkBytes"/> is kept in chunks of that size, so keeping it never
/// makes a large-object-heap array (which would cost a gen 2 collection now and then).
/// </summary>
internal static class KeptBody
{
    /// <summary>Under the 85,000-byte large-object threshold.</summary>
    public const int ChunkBytes = 64 * 1024;

    /// <summary>A copy of <paramref name="utf8"/>: one array when it is small, otherwise chunks.</summary>
    public static object Keep(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= ChunkBytes)
        {
            return utf8.ToArray();
        }

        var chunks = new byte[(utf8.Length + ChunkBytes - 1) / ChunkBytes][];
        for (int i = 0; i < chunks.Length; i++)
        {
            ReadOnlySpan<byte> part = utf8.Slice(i * ChunkBytes, Math.Min(ChunkBytes, utf8.Length - (i * ChunkBytes)));
            chunks[i] = part.ToArray();
        }

        return chunks;
    }

    /// <summary>The text of a body <see cref="Keep"/> gave, or null for none.</summary>
    public static string? Decode(object? kept)
    {
        switch (kept)
        {
            case byte[] single:
                return Encoding.UTF8.GetString(single);
            case byte[][] chunks:
                int length = 0;
                foreach (byte[] chunk in chunks)
                {
                    length += chunk.Length;
                }

                // Joined first: a character's bytes may straddle two chunks.
                byte[] joined = ArrayPool<byte>.Shared.Rent(length);
                try
                {
                    int at = 0;
                    foreach (byte[] chunk in chunks)
                    {
                        chunk.CopyTo(joined, at);
                        at += chunk.Length;
                    }

                    return Encoding.UTF8.GetString(joined, 0, length);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(joined);
                }

            default:
                return null;
        }
    }
}
