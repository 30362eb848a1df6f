namespace SdkNodes.Tool.Studio;

/// <summary>
/// The stylesheet and script, embedded in the tool (no CDN, no build step), read from the
/// assembly once when the server starts rather than on every request.
/// </summary>
internal sealed class StudioAssets
{
    private readonly Dictionary<string, (byte[] Content, string ContentType)> _assets = new(StringComparer.Ordinal)
    {
        ["studio.css"] = (Read("studio.css"), "text/css; charset=utf-8"),
        ["studio.js"] = (Read("studio.js"), "text/javascript; charset=utf-8"),
    };

    public (byte[] Content, string ContentType)? Find(string file) => _assets.TryGetValue(file, out var asset) ? asset : null;

    private static byte[] Read(string file)
    {
        using Stream stream = typeof(StudioAssets).Assembly.GetManifestResourceStream("SdkNodes.Tool.Studio.Assets." + file)
            ?? throw new InvalidOperationException($"The tool was built without its studio asset {file}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
