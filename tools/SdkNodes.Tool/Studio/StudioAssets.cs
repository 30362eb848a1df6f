namespace SdkNodes.Tool.Studio;

/// <summary>The stylesheet and script, embedded in the tool (no CDN, no build step).</summary>
internal static class StudioAssets
{
    public static (byte[] Content, string ContentType)? Find(string file)
    {
        string? type = Path.GetExtension(file) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => null,
        };
        using Stream? stream = type is null ? null : typeof(StudioAssets).Assembly.GetManifestResourceStream("SdkNodes.Tool.Studio.Assets." + file);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), type!);
    }
}
