namespace SdkNodes.Tool.Studio;

/// <summary>What <c>sdknodes studio</c> was asked for.</summary>
/// <param name="AssemblyPath">The user's assembly, whose generated registry lists the nodes.</param>
/// <param name="Port">The port on 127.0.0.1; 0 picks a free one.</param>
/// <param name="BaseAddress">The address relative node templates are sent to; null sends them as the nodes say.</param>
/// <param name="HistoryPath">A SQLite history file or a PostgreSQL connection string (see <see cref="HistoryLocation"/>) to show and to add this session's tests to; null keeps this session's history in memory.</param>
internal sealed record StudioSettings(string AssemblyPath, int Port = 0, Uri? BaseAddress = null, string? HistoryPath = null);
