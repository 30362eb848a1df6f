namespace SdkNodes.Generated;

// Where an expanded address goes: the one place the runtime decides whether it is absolute and
// joins a relative one to its base. Create (the address sent) and RequestPreparer.RedactedUrl
// (the address the history shows, secrets masked) both ask here, so the two never disagree.
public static partial class NodeRequest
{
    /// <summary>True when the expanded address <paramref name="uri"/> needs no base address.</summary>
    /// <param name="uri">The expanded address.</param>
    /// <param name="descriptor">
    /// The node's descriptor, when the caller has it: a template with a literal scheme
    /// (<see cref="NodeDescriptor.IsRelative"/> false, decided at build time) is absolute
    /// whatever its values, so its text is not read. Any other template may still expand to an
    /// absolute address (<c>{+target}/items</c>), so then the text is read.
    /// </param>
    internal static bool IsAbsolute(string uri, NodeDescriptor? descriptor)
        => descriptor is { IsRelative: false } || UriSyntax.HasScheme(uri);

    /// <summary>
    /// The address text: <paramref name="uri"/> as it is when it is absolute or there is no
    /// base, else appended to <paramref name="baseRoot"/>.
    /// </summary>
    internal static string Resolve(string uri, bool absolute, string? baseRoot)
        => absolute || baseRoot is null ? uri : Join(baseRoot, uri);

    /// <summary>
    /// Appends a relative address to a base root (as Refit does), so a base of
    /// <c>https://host/v2</c> and a template <c>/orders/{id}</c> give <c>https://host/v2/orders/1</c>.
    /// </summary>
    internal static string Join(string baseRoot, string relative)
    {
        if (relative.Length == 0 || relative[0] is '/' or '?' or '#')
        {
            return baseRoot + relative;
        }

        return baseRoot + "/" + relative;
    }
}
