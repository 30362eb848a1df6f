using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Unicode;

namespace SdkNodes;

/// <summary>
/// Whether a response body is text (kept in <see cref="NodeResult.RawBody"/>) or binary (never
/// turned into text: decoding bytes that are not text loses them, so RawBody stays null).
/// Decided from the raw Content-Type header, without parsing it into a MediaTypeHeaderValue.
/// </summary>
internal static class MediaTypes
{
    /// <summary>The Content-Type header as the server sent it, or null when it sent none.</summary>
    public static string? HeaderOf(HttpContent content)
    {
        if (!content.Headers.NonValidated.TryGetValues("Content-Type", out HeaderStringValues values))
        {
            return null;
        }

        // One value (the only legal case) is the stored string itself, not a copy.
        foreach (string value in values)
        {
            return value;
        }

        return null;
    }

    /// <summary>The media type of a Content-Type header (<c>text/plain</c> of <c>text/plain; charset=utf-8</c>), as sent; null for none.</summary>
    public static string? MediaTypeOf(string? header)
    {
        if (header is null)
        {
            return null;
        }

        ReadOnlySpan<char> type = MediaTypeSpan(header);
        return type.IsEmpty ? null : type.Length == header.Length ? header : type.ToString();
    }

    /// <summary>
    /// True when the body is binary: its media type is not a text one (see <see cref="IsText"/>),
    /// or, with no Content-Type at all, its bytes are not valid UTF-8. Nothing else is sniffed.
    /// </summary>
    public static bool IsBinary(string? header, ReadOnlySpan<byte> body)
    {
        ReadOnlySpan<char> type = header is null ? [] : MediaTypeSpan(header);
        return type.IsEmpty ? !Utf8.IsValid(body) : !IsText(type);
    }

    /// <summary>
    /// text/*; JSON (application/json and any +json); XML (application/xml and any +xml, such as
    /// image/svg+xml); YAML; form data (application/x-www-form-urlencoded); JavaScript.
    /// Everything else (images, PDF, octet-stream, protobuf, zip…) is binary.
    /// </summary>
    public static bool IsText(ReadOnlySpan<char> mediaType)
    {
        if (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+yaml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ReadOnlySpan<char> subtype = mediaType["application/".Length..];
        return subtype.Equals("json", StringComparison.OrdinalIgnoreCase)
               || subtype.Equals("xml", StringComparison.OrdinalIgnoreCase)
               || subtype.Equals("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
               || subtype.Equals("javascript", StringComparison.OrdinalIgnoreCase)
               || subtype.Equals("x-javascript", StringComparison.OrdinalIgnoreCase)
               || subtype.Equals("ecmascript", StringComparison.OrdinalIgnoreCase)
               || subtype.Equals("yaml", StringComparison.OrdinalIgnoreCase)
               || subtype.Equals("x-yaml", StringComparison.OrdinalIgnoreCase)
               || subtype.Equals("x-ndjson", StringComparison.OrdinalIgnoreCase)
               || subtype.Equals("graphql", StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<char> MediaTypeSpan(string header)
    {
        int semicolon = header.IndexOf(';');
        return (semicolon < 0 ? header.AsSpan() : header.AsSpan(0, semicolon)).Trim();
    }
}
