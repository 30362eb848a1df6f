using System;
using System.Collections.Generic;
using System.IO;

namespace SdkNodes;

/// <summary>
/// The media type of a file by its extension: the few types uploads commonly have. Anything
/// else is <c>application/octet-stream</c>, which every server accepts as "some bytes".
/// </summary>
internal static class FileMediaTypes
{
    public const string OctetStream = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".zip"] = "application/zip",
        [".html"] = "text/html",
    };

    /// <summary>The type of a file named <paramref name="fileName"/>.</summary>
    public static string ForFileName(string fileName)
        => ByExtension.TryGetValue(Path.GetExtension(fileName), out string? type) ? type : OctetStream;
}
