using System.Collections.Generic;

namespace SdkNodes.Generator.Parsing;

/// <summary>Parses an RFC 6901 JSON Pointer into unescaped reference tokens at build time.</summary>
internal static class JsonPointerParser
{
    /// <summary>The tokens, or an error with the index of the bad character.</summary>
    public static (List<string>? Tokens, TemplateError? Error) Parse(string pointer)
    {
        var tokens = new List<string>();
        if (pointer.Length == 0)
        {
            return (tokens, null);
        }

        if (pointer[0] != '/')
        {
            return (null, new TemplateError(0, 1, "a JSON Pointer must be empty or start with '/', as in /error_code"));
        }

        var token = new System.Text.StringBuilder();
        for (int i = 1; i <= pointer.Length; i++)
        {
            if (i == pointer.Length || pointer[i] == '/')
            {
                tokens.Add(token.ToString());
                token.Clear();
                continue;
            }

            char c = pointer[i];
            if (c == '~')
            {
                char next = i + 1 < pointer.Length ? pointer[i + 1] : '\0';
                if (next != '0' && next != '1')
                {
                    return (null, new TemplateError(i, 1, "'~' must be followed by 0 (for '~') or 1 (for '/')"));
                }

                token.Append(next == '0' ? '~' : '/');
                i++;
                continue;
            }

            token.Append(c);
        }

        return (tokens, null);
    }
}
