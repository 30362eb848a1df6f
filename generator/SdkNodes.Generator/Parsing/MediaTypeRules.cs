namespace SdkNodes.Generator.Parsing;

/// <summary>
/// RFC 9110 §8.3.1 media types (<c>type/subtype *( OWS ";" OWS parameter )</c>), checked at build
/// time. Written by hand: MediaTypeHeaderValue is not available to a netstandard2.0 analyzer.
/// </summary>
internal static class MediaTypeRules
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>Why <paramref name="mediaType"/> is not a media type, or null when it is one.</summary>
    public static string? Problem(string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType))
        {
            return "it is empty";
        }

        string text = mediaType!;
        int i = 0;
        if (Token(text, ref i) == 0)
        {
            return "the type before '/' is missing or has a character not allowed in a token";
        }

        if (i >= text.Length || text[i] != '/')
        {
            return "a '/' must separate the type from the subtype";
        }

        i++;
        if (Token(text, ref i) == 0)
        {
            return "the subtype after '/' is missing or has a character not allowed in a token";
        }

        while (true)
        {
            SkipSpaces(text, ref i);
            if (i == text.Length)
            {
                return null;
            }

            if (text[i] != ';')
            {
                return $"'{text[i]}' is not allowed here; parameters follow a ';'";
            }

            i++;
            SkipSpaces(text, ref i);
            if (Token(text, ref i) == 0 || i >= text.Length || text[i] != '=')
            {
                return "a parameter must be written name=value";
            }

            i++;
            if (!(i < text.Length && text[i] == '"' ? QuotedString(text, ref i) : Token(text, ref i) > 0))
            {
                return "a parameter value must be a token or a quoted string";
            }
        }
    }

    private static int Token(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && IsTokenChar(text[i]))
        {
            i++;
        }

        return i - start;
    }

    private static bool QuotedString(string text, ref int i)
    {
        for (i++; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                i++;
                return true;
            }

            if (c == '\\')
            {
                i++;
            }
            else if (c is '\r' or '\n' or '\0')
            {
                return false;
            }
        }

        return false;
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
    }

    private static bool IsTokenChar(char c)
        => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || TokenSymbols.IndexOf(c) >= 0;
}
