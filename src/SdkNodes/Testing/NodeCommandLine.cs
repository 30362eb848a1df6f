using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// A command line over the Test API, for a program to offer with its own nodes
/// (<c>SdkNodes.Generated.NodeRegistry.Nodes</c>) and for the <c>sdknodes</c> tool:
/// <c>list</c> shows the nodes and their parameters; <c>test NodeName [--set name=value]… [--save-body FILE] [--json]</c>
/// tests one (<c>--set name=</c> leaves a value empty; <c>--set File=@path</c> sends a file, the path
/// relative to the current directory; <c>--save-body</c> writes the answer's text, or a binary
/// answer's exact bytes, to FILE). Exit code 0 when the node succeeded, 1
/// when it did not, 2 for a usage error: an unknown node, an unknown parameter, a value that
/// does not parse, a file that is not there, a body that could not be saved.
/// </summary>
public static class NodeCommandLine
{
    /// <summary>The usage line.</summary>
    public const string Usage = "Usage: list | test <NodeName> [--set name=value]... [--save-body FILE] [--json]   (--set name= leaves a value empty; --set File=@path sends a file)";

    /// <summary>Runs one command and writes what it reports to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        IEnumerable<NodeDescriptor> nodes,
        NodeRuntime runtime,
        TextWriter output,
        NodeTesterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(output);
        List<NodeDescriptor> all = [.. nodes];

        switch (args.Count > 0 ? args[0] : null)
        {
            case "list" when args.Count == 1:
                List(all, output);
                return 0;
            case "test" when args.Count >= 2:
                NodeDescriptor? node = all.Find(n => string.Equals(n.Name, args[1], StringComparison.OrdinalIgnoreCase)
                                                     || string.Equals(n.FullName, args[1], StringComparison.OrdinalIgnoreCase));
                if (node is null)
                {
                    await output.WriteLineAsync($"No node named '{args[1]}'. Known nodes: {string.Join(", ", all.Select(n => n.Name).Order(StringComparer.Ordinal))}.").ConfigureAwait(false);
                    return 2;
                }

                if (ParseOptions(node, args.Skip(2).ToList(), output) is not { } parsed)
                {
                    return 2;
                }

                (TestReport report, NodeResult? result) = await new NodeTester(runtime, options).RunAsync(node, parsed.Values, cancellationToken).ConfigureAwait(false);
                if (parsed.Json)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(report, CommandLineJson.Default.TestReport)).ConfigureAwait(false);
                }
                else
                {
                    await WriteReportAsync(node, report, output).ConfigureAwait(false);
                }

                if (!report.WasSent)
                {
                    return 2;
                }

                if (parsed.SaveBody is { } saveTo && !await SaveBodyAsync(result!, saveTo, parsed.Json, output, cancellationToken).ConfigureAwait(false))
                {
                    return 2;
                }

                return report.Outcome == NodeOutcome.Succeeded ? 0 : 1;
            default:
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return 2;
        }
    }

    private static (Dictionary<string, string?> Values, bool Json, string? SaveBody)? ParseOptions(NodeDescriptor node, List<string> arguments, TextWriter output)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        bool json = false;
        string? saveBody = null;
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            if (argument == "--json")
            {
                json = true;
                continue;
            }

            if (argument == "--save-body")
            {
                if (i + 1 >= arguments.Count || arguments[i + 1].Length == 0 || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    output.WriteLine($"--save-body needs a file to write the body to. {Usage}");
                    return null;
                }

                saveBody = arguments[++i];
                continue;
            }

            int equals = i + 1 < arguments.Count ? arguments[i + 1].IndexOf('=') : -1;
            if (argument != "--set" || equals <= 0)
            {
                output.WriteLine($"'{argument}' is not understood. {Usage}");
                return null;
            }

            string pair = arguments[++i];
            string name = pair[..equals];
            if (!node.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                output.WriteLine($"{node.Name} has no parameter '{name}'. Its parameters: {string.Join(", ", node.Parameters.Select(p => p.Name))}.");
                return null;
            }

            string value = pair[(equals + 1)..];
            values[name] = value.Length == 0 ? null : value;
        }

        return (values, json, saveBody);
    }

    // Writes the answer's body to path (relative to the current directory): a binary body's exact
    // bytes, a text body as UTF-8 (without a byte order mark). With --json the report alone is
    // printed, so the line saying where the body went is left out there. False when it could not be written.
    private static async Task<bool> SaveBodyAsync(NodeResult result, string path, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        byte[]? bytes = result.RawBodyBytes ?? (result.RawBody is { } text ? System.Text.Encoding.UTF8.GetBytes(text) : null);
        if (bytes is null)
        {
            if (!json)
            {
                await output.WriteLineAsync("No body to save.").ConfigureAwait(false);
            }

            return true;
        }

        string full = Path.GetFullPath(path);
        try
        {
            await File.WriteAllBytesAsync(full, bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"The body could not be saved to '{full}': {ex.Message}").ConfigureAwait(false);
            return false;
        }

        if (!json)
        {
            await output.WriteLineAsync($"Body saved to {full} ({bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes).").ConfigureAwait(false);
        }

        return true;
    }

    private static void List(List<NodeDescriptor> nodes, TextWriter output)
    {
        foreach (NodeDescriptor node in nodes.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"{node.Name}  {node.Method} {node.UriTemplate}");
            foreach (NodeParameter parameter in node.Parameters)
            {
                string flags = (parameter.IsRequired ? " required" : string.Empty) + (parameter.IsSecret ? " secret" : string.Empty);
                output.WriteLine($"    {parameter.Name}: {parameter.TypeName}{flags}");
            }
        }
    }

    /// <summary>Writes <paramref name="report"/> as text, for people: the one place the report's text form is made.</summary>
    internal static async Task WriteReportAsync(NodeDescriptor node, TestReport report, TextWriter output)
    {
        await output.WriteLineAsync($"{node.Name}: {node.Method} sent {report.SentAt:yyyy-MM-dd HH:mm:ss.fff} UTC").ConfigureAwait(false);
        await output.WriteLineAsync($"Outcome: {report.Outcome}   Status: {Status(report.StatusCode)}   Seconds: {report.Seconds.ToString("0.00", CultureInfo.InvariantCulture)}").ConfigureAwait(false);
        await output.WriteLineAsync($"Attempts: {report.Attempts.Count.ToString(CultureInfo.InvariantCulture)}").ConfigureAwait(false);
        // A single attempt is the Outcome line already; retries are listed so the delays and
        // the failures that led to the final answer can be seen.
        if (report.Attempts.Count > 1)
        {
            foreach (NodeAttempt attempt in report.Attempts)
            {
                await output.WriteLineAsync(AttemptLine(attempt)).ConfigureAwait(false);
            }
        }

        if (report.Error is { } error)
        {
            await output.WriteLineAsync($"Error: {error.Kind}: {error.Message}").ConfigureAwait(false);
        }

        if (report.Headers.Count > 0)
        {
            await output.WriteLineAsync("Headers:").ConfigureAwait(false);
            foreach (KeyValuePair<string, string> header in report.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            {
                await output.WriteLineAsync($"  {header.Key}: {header.Value}").ConfigureAwait(false);
            }
        }

        if (report.Body is not null)
        {
            await output.WriteLineAsync("Body:").ConfigureAwait(false);
            await output.WriteLineAsync(report.Body).ConfigureAwait(false);
        }
        else if (report.ContentLength > 0)
        {
            // The Test API keeps every text body, so a body read but not shown is binary: as text
            // it would be noise (and lossy), so its size and type stand in for it.
            string type = report.ContentType ?? "no stated type";
            await output.WriteLineAsync($"Body: {report.ContentLength.Value.ToString(CultureInfo.InvariantCulture)} bytes of {type} (binary; --save-body FILE writes it)").ConfigureAwait(false);
        }
    }

    // "  #2  after 0.40 s  503  Status  The server answered 503": number, the delay before it, status, error kind, message.
    private static string AttemptLine(NodeAttempt attempt)
    {
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"  #{attempt.Number}  after {attempt.Delay.TotalSeconds:0.00} s  {Status(attempt.StatusCode)}  {attempt.ErrorKind?.ToString() ?? "OK"}");
        return attempt.Message is null ? line : $"{line}  {attempt.Message}";
    }

    private static string Status(int? statusCode) => statusCode?.ToString(CultureInfo.InvariantCulture) ?? "-";
}

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TestReport))]
internal sealed partial class CommandLineJson : JsonSerializerContext
{
}
