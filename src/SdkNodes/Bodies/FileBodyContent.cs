using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// A file on disk sent as it is read: the file is opened only when the body is written (an
/// unsent request holds no handle) and read 64 KB at a time, never whole into memory.
/// </summary>
internal sealed class FileBodyContent : HttpContent
{
    private const int BufferSize = 64 * 1024;

    private readonly string _path;
    private readonly long _length;

    /// <param name="path">The file.</param>
    /// <param name="length">Its length when the request was built, sent as Content-Length.</param>
    public FileBodyContent(string path, long length)
    {
        _path = path;
        _length = length;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // Opened anew per send, so a handler re-sending the content starts from the beginning.
        await using FileStream file = Open();
        await file.CopyToAsync(stream, BufferSize, cancellationToken).ConfigureAwait(false);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using FileStream file = Open();
        file.CopyTo(stream, BufferSize);
    }

    private FileStream Open()
        => new(_path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan | FileOptions.Asynchronous);
}
