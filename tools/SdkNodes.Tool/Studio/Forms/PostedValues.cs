using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SdkNodes.Tool.Studio;

/// <summary>
/// Turns a node's posted form into the Test API's text values. Every parameter is given: an
/// empty field is null, as on the platform, so a remembered value never fills a field the
/// developer emptied. Browser formats are turned into what the Test API reads.
/// </summary>
internal static class PostedValues
{
    public static async Task<Dictionary<string, string?>> ReadAsync(
        IFormCollection form, NodeDescriptor node, NodeTester tester, UploadFolder uploads, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (NodeParameter parameter in node.Parameters)
        {
            InputKind kind = InputKinds.For(parameter, tester.IsSecret(parameter));
            if (kind == InputKind.File)
            {
                IFormFile? file = form.Files.GetFile(parameter.Name);
                values[parameter.Name] = file is { Length: > 0 } ? "@" + await uploads.SaveAsync(file, cancellationToken) : null;
                continue;
            }

            string? text = form[parameter.Name].FirstOrDefault();
            values[parameter.Name] = string.IsNullOrEmpty(text) ? null : FromBrowser(kind, parameter, text);
        }

        return values;
    }

    /// <summary>A remembered value as the browser's control shows it (the reverse of <see cref="FromBrowser"/>).</summary>
    public static string? ToBrowser(InputKind kind, string? text)
    {
        if (kind == InputKind.DateTime && text is not null
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
        {
            return at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        }

        return text;
    }

    // A datetime-local control has no offset: the page says its times are UTC, so a
    // DateTimeOffset gets "Z" (a DateTime stays unspecified, as typed).
    private static string FromBrowser(InputKind kind, NodeParameter parameter, string text)
        => kind == InputKind.DateTime && (Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type) == typeof(DateTimeOffset) && !text.EndsWith('Z')
            ? text + "Z"
            : text;
}
