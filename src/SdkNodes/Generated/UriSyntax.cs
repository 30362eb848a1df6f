namespace SdkNodes.Generated;

/// <summary>
/// The RFC 3986 character sets and the scheme test, decided once for the build and the run
/// time: this file is compiled into the runtime and linked into SdkNodes.Generator, so the
/// literals the generator encodes and the values the runtime escapes follow one definition.
/// </summary>
/// <remarks>
/// Shared as source, so it compiles on netstandard2.0 as well as on the runtime's target:
/// plain strings and loops, no API newer than netstandard2.0.
/// </remarks>
internal static class UriSyntax
{
    /// <summary>RFC 3986 §2.3: never percent-encoded.</summary>
    public const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /// <summary>RFC 3986 §2.2: kept in template literals and by the <c>+</c> and <c>#</c> expansions (RFC 6570 §3.2.3).</summary>
    public const string Reserved = ":/?#[]@!$&'()*+,;=";

    /// <summary>True when <paramref name="uri"/> starts with a scheme (RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":").</summary>
    public static bool HasScheme(string uri)
    {
        if (uri.Length == 0 || !IsAsciiLetter(uri[0]))
        {
            return false;
        }

        for (int i = 1; i < uri.Length; i++)
        {
            char c = uri[i];
            if (c == ':')
            {
                return true;
            }

            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
