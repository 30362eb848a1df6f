using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// The last values typed for each node, in one JSON file: <c>{"NodeName": {"Param": "value"}}</c>.
/// Written to a temporary file first and moved over the old one, so a crash never leaves half a file.
/// </summary>
internal sealed class TestValueStore(string? path)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<Dictionary<string, string?>> LoadAsync(string nodeName, CancellationToken cancellationToken)
    {
        Dictionary<string, Dictionary<string, string?>> all = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        return all.TryGetValue(nodeName, out var values) ? values : new(StringComparer.Ordinal);
    }

    public async Task SaveAsync(string nodeName, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Dictionary<string, Dictionary<string, string?>> all = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
            all[nodeName] = new Dictionary<string, string?>(values, StringComparer.Ordinal);
            string full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            string temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(all, TestValuesJson.Default.DictionaryStringDictionaryStringString), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, Dictionary<string, string?>>> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (path is null || !File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(text, TestValuesJson.Default.DictionaryStringDictionaryStringString) ?? new(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // A damaged file only loses remembered values; the next save rewrites it.
            return new(StringComparer.Ordinal);
        }
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, Dictionary<string, string?>>))]
internal sealed partial class TestValuesJson : System.Text.Json.Serialization.JsonSerializerContext
{
}
