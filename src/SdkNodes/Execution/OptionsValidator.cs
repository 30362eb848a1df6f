using System;
using System.Net.Http;
using System.Text;

namespace SdkNodes;

/// <summary>Checks <see cref="NodeRuntimeOptions"/> when a runtime is made, naming the option and the rule it breaks.</summary>
internal static class OptionsValidator
{
    public static void Validate(NodeRuntimeOptions options)
    {
        if (options.DefaultTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"NodeRuntimeOptions.DefaultTimeout must be positive; it is {options.DefaultTimeout}.", nameof(options));
        }

        foreach (var (name, timeout) in options.NodeTimeouts)
        {
            if (timeout <= TimeSpan.Zero)
            {
                throw new ArgumentException($"NodeRuntimeOptions.NodeTimeouts[\"{name}\"] must be positive; it is {timeout}.", nameof(options));
            }
        }

        if (options.MaxResponseBytes <= 0)
        {
            throw new ArgumentException($"NodeRuntimeOptions.MaxResponseBytes must be positive; it is {options.MaxResponseBytes}.", nameof(options));
        }

        CheckBaseAddress(options.BaseAddress, "BaseAddress");
        foreach (var (name, address) in options.BaseAddresses)
        {
            CheckBaseAddress(address, $"BaseAddresses[\"{name}\"]");
        }

        CheckDefaultHeaders(options);
        options.DefaultRetry?.Validate("NodeRuntimeOptions.DefaultRetry");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
    }

    private static void CheckBaseAddress(Uri? address, string name)
    {
        if (address is not null && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"NodeRuntimeOptions.{name} must be an absolute http or https address; it is '{address}'.", "options");
        }
    }

    // Default headers go on every request, so a bad one is refused here, once, rather than
    // failing (or smuggling a header into) each node. Values are never quoted: they may be keys.
    private static void CheckDefaultHeaders(NodeRuntimeOptions options)
    {
        // Asked of a real header collection, so "is it a content header" follows the framework.
        using var scratch = new HttpRequestMessage();
        foreach (var (name, value) in options.DefaultHeaders)
        {
            string option = $"NodeRuntimeOptions.DefaultHeaders[\"{Printable(name)}\"]";
            if (!IsToken(name))
            {
                throw new ArgumentException(
                    $"NodeRuntimeOptions.DefaultHeaders has the header name '{Printable(name)}', which is not an HTTP header name " +
                    "(letters, digits and !#$%&'*+-.^_`|~ only).",
                    nameof(options));
            }

            if (!scratch.Headers.TryAddWithoutValidation(name, string.Empty))
            {
                throw new ArgumentException($"{option} is a content header, which belongs to a request body; set it on the nodes that send one.", nameof(options));
            }

            if (value is null)
            {
                throw new ArgumentException($"{option} is null; remove the entry to send no such header.", nameof(options));
            }

            CheckHeaderValue(value, option, options.SendHeaderValuesAsUtf8);
        }

        if (options.UserAgent is { } userAgent)
        {
            if (string.IsNullOrWhiteSpace(userAgent))
            {
                throw new ArgumentException("NodeRuntimeOptions.UserAgent is empty; set it to null to send no User-Agent.", nameof(options));
            }

            CheckHeaderValue(userAgent, "NodeRuntimeOptions.UserAgent", options.SendHeaderValuesAsUtf8);
        }
    }

    private static void CheckHeaderValue(string value, string option, bool utf8)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException($"{option} contains CR, LF or NUL, which could inject another header into every request.", "options");
        }

        if (!utf8 && !Ascii.IsValid(value))
        {
            // The rule RequestPreparer applies to a node's own values, told once instead of per node.
            throw new ArgumentException(
                $"{option} has characters outside ASCII, which HTTP headers cannot carry; set NodeRuntimeOptions.SendHeaderValuesAsUtf8 to send it as UTF-8.",
                "options");
        }
    }

    // RFC 9110 §5.6.2: token = 1*tchar.
    private static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_`|~".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string Printable(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
