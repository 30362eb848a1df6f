using System.Globalization;
using System.Text;

namespace SdkNodes.Tool.Studio;

/// <summary>C# names and literals made from JSON names, for the types the studio writes.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// The PascalCase identifier for a JSON name: words split at anything that is not a letter
    /// or digit ("error_code", "ip-address", "first name"), each begun with a capital, an
    /// all-capitals word lowered first ("ERROR_CODE" is ErrorCode, "ID" is Id); a leading digit
    /// gets an underscore ("2fa" is _2fa). C# keywords are all lower case, so none survives.
    /// </summary>
    /// <param name="fallback">The name when the JSON name has no letter or digit.</param>
    public static string Pascal(string jsonName, string fallback)
    {
        var name = new StringBuilder(jsonName.Length + 1);
        int start = 0;
        for (int i = 0; i <= jsonName.Length; i++)
        {
            if (i == jsonName.Length || !char.IsLetterOrDigit(jsonName[i]))
            {
                AppendWord(name, jsonName.AsSpan(start, i - start));
                start = i + 1;
            }
        }

        if (name.Length == 0)
        {
            return fallback;
        }

        return char.IsDigit(name[0]) ? "_" + name : name.ToString();
    }

    /// <summary>
    /// The name of one element of a list with this (PascalCase) name: Orders is Order,
    /// Categories is Category, Addresses is Address; a name that does not look plural gets
    /// "Item" (Data is DataItem), so that the element is never named like the list.
    /// </summary>
    public static string Singular(string name)
    {
        if (name.Length > 3 && name.EndsWith("ies", StringComparison.Ordinal))
        {
            return name[..^3] + "y";
        }

        foreach (string ending in (ReadOnlySpan<string>)["sses", "shes", "ches", "xes", "uses"])
        {
            if (name.Length > ending.Length && name.EndsWith(ending, StringComparison.Ordinal))
            {
                return name[..^2];
            }
        }

        bool plural = name.Length > 1 && name.EndsWith('s')
            && !name.EndsWith("ss", StringComparison.Ordinal)
            && !name.EndsWith("us", StringComparison.Ordinal)
            && !name.EndsWith("is", StringComparison.Ordinal);
        return plural ? name[..^1] : name + "Item";
    }

    /// <summary>A C# string literal for the text.</summary>
    public static string Literal(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            _ = c switch
            {
                '"' => literal.Append("\\\""),
                '\\' => literal.Append("\\\\"),
                // Control characters, and line and paragraph separators, would break the line.
                < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' => literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => literal.Append(c),
            };
        }

        return literal.Append('"').ToString();
    }

    private static void AppendWord(StringBuilder name, ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return;
        }

        string text = HasUpper(word) && !HasLower(word) ? word.ToString().ToLowerInvariant() : word.ToString();
        name.Append(char.ToUpperInvariant(text[0])).Append(text.AsSpan(1));
    }

    private static bool HasUpper(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLower(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }
}
