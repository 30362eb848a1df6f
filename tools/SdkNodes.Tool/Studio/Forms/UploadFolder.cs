using Microsoft.AspNetCore.Http;

namespace SdkNodes.Tool.Studio;

/// <summary>
/// Where files chosen on a node's page are kept while the studio runs: the Test API sends a
/// file by path (<c>@path</c>). The folder is deleted when the studio stops.
/// </summary>
internal sealed class UploadFolder : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdknodes-studio-" + Guid.NewGuid().ToString("N"));

    public async Task<string> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        // Each upload in its own folder, so the file keeps the name it had (the API sees it).
        string folder = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string name = Path.GetFileName(file.FileName);
        string path = Path.Combine(folder, name.Length > 0 ? name : "upload");
        await using FileStream target = File.Create(path);
        await file.CopyToAsync(target, cancellationToken);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
