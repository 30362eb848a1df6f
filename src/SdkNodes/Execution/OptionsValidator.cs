using System;

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
}
