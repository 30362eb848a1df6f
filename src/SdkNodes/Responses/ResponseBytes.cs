using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// A response body read whole into a pooled buffer, never past the size cap: a declared
/// Content-Length over the cap is refused before reading, and a body without one is cut off
/// as soon as it passes the cap. A struct: one is made per response, and it lives only
/// while the body is judged.
/// </summary>
internal struct ResponseBytes : IDisposable
{
    private byte[] _buffer;

    private ResponseBytes(byte[] buffer, int length, Encoding encoding)
    {
        _buffer = buffer;
        Length = length;
        Encoding = encoding;
    }

    public int Length { get; }

    public Encoding Encoding { get; }

    public readonly ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Reads the whole body of <paramref name="content"/>, whose raw Content-Type header is <paramref name="contentType"/> (null for none).</summary>
    public static async ValueTask<ResponseBytes> ReadAsync(HttpContent content, string? contentType, long maxBytes, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes);
        }

        // The buffer never grows past the cap: a body that fills it exactly is probed for one
        // more byte instead, so a 16 MiB cap costs a 16 MiB buffer, not the 32 MiB the pool
        // would hand out for 16 MiB + 1.
        int cap = (int)Math.Min(maxBytes, Array.MaxLength);
        // At least 256 bytes to start with, but never more than the cap allows (which may be smaller).
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(declared ?? 4096, 256), cap));
        int length = 0;
        try
        {
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= cap || length == declared)
                    {
                        // Full at the cap or at the declared length: one more byte tells whether the body goes on.
                        byte[] probe = new byte[1];
                        if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0)
                        {
                            break;
                        }

                        if (length >= cap)
                        {
                            throw new ResponseTooLargeException(maxBytes);
                        }

                        // Longer than declared (a caller's own handler may let that through): keep it.
                        buffer = Grow(buffer, length, cap);
                        buffer[length++] = probe[0];
                        continue;
                    }

                    buffer = Grow(buffer, length, cap);
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > cap)
                {
                    // The pool's buffer may be larger than the cap.
                    throw new ResponseTooLargeException(maxBytes);
                }
            }

            var result = new ResponseBytes(buffer, length, EncodingOf(contentType));
            buffer = [];
            return result;
        }
        finally
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    // A pooled buffer twice as large (at most the cap, and always more than length), holding the first length bytes.
    private static byte[] Grow(byte[] buffer, int length, int cap)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Max(Math.Min((long)buffer.Length * 2, cap), length + 1L));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>The body as text, in the charset the server declared (UTF-8 when it declared none), without a BOM.</summary>
    public readonly string GetText()
    {
        ReadOnlySpan<byte> span = Span;
        ReadOnlySpan<byte> preamble = Encoding.Preamble;
        if (!preamble.IsEmpty && span.StartsWith(preamble))
        {
            span = span[preamble.Length..];
        }

        return Encoding.GetString(span);
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Only the charset is wanted from the header: parsing it into a MediaTypeHeaderValue costs
    // more than the rest of judging a small answer.
    private static Encoding EncodingOf(string? contentType)
    {
        ReadOnlySpan<char> charset = contentType is null ? [] : CharsetOf(contentType);
        if (charset.IsEmpty || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.ToString());
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    /// <summary>The charset parameter of a media type (<c>text/plain; charset="iso-8859-1"</c>), unquoted; empty when it has none.</summary>
    internal static ReadOnlySpan<char> CharsetOf(ReadOnlySpan<char> mediaType)
    {
        int semicolon = mediaType.IndexOf(';');
        while (semicolon >= 0)
        {
            ReadOnlySpan<char> rest = mediaType[(semicolon + 1)..];
            int next = rest.IndexOf(';');
            ReadOnlySpan<char> parameter = (next < 0 ? rest : rest[..next]).Trim();
            int equals = parameter.IndexOf('=');
            if (equals > 0 && parameter[..equals].TrimEnd().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return parameter[(equals + 1)..].Trim().Trim('"').Trim();
            }

            semicolon = next < 0 ? -1 : semicolon + 1 + next;
        }

        return [];
    }
}
