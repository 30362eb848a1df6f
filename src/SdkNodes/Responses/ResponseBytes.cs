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
/// as soon as it passes the cap.
/// </summary>
internal sealed class ResponseBytes : IDisposable
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

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static async ValueTask<ResponseBytes> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes);
        }

        int cap = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        // At least 256 bytes to start with, but never more than the cap allows (which may be smaller).
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(declared ?? 4096, 256), cap + 1L));
        int length = 0;
        try
        {
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > cap)
                    {
                        throw new ResponseTooLargeException(maxBytes);
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > cap)
                {
                    throw new ResponseTooLargeException(maxBytes);
                }
            }

            var result = new ResponseBytes(buffer, length, EncodingOf(content));
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

    /// <summary>The body as text, in the charset the server declared (UTF-8 when it declared none), without a BOM.</summary>
    public string GetText()
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

    private static Encoding EncodingOf(HttpContent content)
    {
        string? charset = content.Headers.ContentType?.CharSet?.Trim('"');
        if (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}

/// <summary>The body passed the size cap; the rest of it is not read.</summary>
internal sealed class ResponseTooLargeException(long maxBytes)
    : Exception($"The response body is larger than the allowed {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
