namespace SdkNodes.Generator.Parsing;

/// <summary>RFC 9110 rules for header names and values, checked at build time where they are constant.</summary>
internal static class HeaderRules
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>Why <paramref name="name"/> is not a header name, or null when it is one.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a header name cannot be empty";
        }

        foreach (char c in name!)
        {
            bool token = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || TokenSymbols.IndexOf(c) >= 0;
            if (!token)
            {
                return $"header name '{Printable(name)}' contains a character that is not allowed in a header name";
            }
        }

        return null;
    }

    /// <summary>Why a constant header value is refused (CR, LF or NUL could inject a header), or null.</summary>
    public static string? ValueProblem(string name, string value)
    {
        foreach (char c in value)
        {
            if (c is '\r' or '\n' or '\0')
            {
                return $"the value of header '{name}' contains CR, LF or NUL, which could inject another header into the request";
            }
        }

        return null;
    }

    private static string Printable(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0");
}
