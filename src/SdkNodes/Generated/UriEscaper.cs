using System;
using System.Buffers;
using System.Text;

namespace SdkNodes.Generated;

/// <summary>
/// Percent-encoding for RFC 6570 expansion. Values are encoded as UTF-8; a lone surrogate
/// (text that is not valid UTF-16) is encoded as U+FFFD, the replacement character, and
/// never throws.
/// </summary>
internal static class UriEscaper
{
    // Characters copied as they are; everything else is percent-encoded. The sets are the
    // ones the generator keeps in template literals (UriSyntax is shared with it).
    private static readonly SearchValues<char> s_unreserved = SearchValues.Create(UriSyntax.Unreserved);
    private static readonly SearchValues<char> s_unreservedOrReserved = SearchValues.Create(UriSyntax.Unreserved + UriSyntax.Reserved);

    private static ReadOnlySpan<byte> HexDigits => "0123456789ABCDEF"u8;

    /// <summary>Appends <paramref name="value"/>, encoded for the operator's allowed set.</summary>
    public static void Append(ref CharBuffer buffer, ReadOnlySpan<char> value, bool allowReserved)
    {
        SearchValues<char> allowed = allowReserved ? s_unreservedOrReserved : s_unreserved;
        while (!value.IsEmpty)
        {
            int run = value.IndexOfAnyExcept(allowed);
            if (run < 0)
            {
                buffer.Append(value);
                return;
            }

            buffer.Append(value[..run]);
            value = value[run..];

            // Reserved expansion keeps an existing pct-encoded triplet (RFC 6570 §3.2.3).
            if (allowReserved && value.Length >= 3 && value[0] == '%' && IsHex(value[1]) && IsHex(value[2]))
            {
                buffer.Append(value[..3]);
                value = value[3..];
                continue;
            }

            int consumed = AppendEncodedScalar(ref buffer, value);
            value = value[consumed..];
        }
    }

    private static int AppendEncodedScalar(ref CharBuffer buffer, ReadOnlySpan<char> value)
    {
        OperationStatus status = Rune.DecodeFromUtf16(value, out Rune rune, out int consumed);
        if (status != OperationStatus.Done)
        {
            rune = Rune.ReplacementChar;
            consumed = Math.Max(consumed, 1);
        }

        Span<byte> utf8 = stackalloc byte[4];
        int length = rune.EncodeToUtf8(utf8);
        for (int i = 0; i < length; i++)
        {
            byte b = utf8[i];
            buffer.Append('%');
            buffer.Append((char)HexDigits[b >> 4]);
            buffer.Append((char)HexDigits[b & 0xF]);
        }

        return consumed;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    /// <summary>The length of <paramref name="value"/> cut to <paramref name="maxCodePoints"/> Unicode characters.</summary>
    public static int PrefixLength(ReadOnlySpan<char> value, int maxCodePoints)
    {
        int index = 0;
        for (int count = 0; count < maxCodePoints && index < value.Length; count++)
        {
            index += char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]) ? 2 : 1;
        }

        return index;
    }
}
