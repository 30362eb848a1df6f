using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// A command line over the Test API, parsed with System.CommandLine, for a program to offer with
/// its own nodes (<c>SdkNodes.Generated.NodeRegistry.Nodes</c>) and for the <c>sdknodes</c> tool:
/// <c>list</c> shows the nodes and their parameters; <c>test &lt;node&gt; [--set name=value]… [--save-body FILE] [--json]</c>
/// tests one (<c>--set name=</c> leaves a value empty; <c>--set File=@path</c> sends a file, the path
/// relative to the current directory; <c>--save-body</c> writes the answer's text, or a binary
/// answer's exact bytes, to FILE). <c>--help</c> describes each command. Exit code 0 when the node
/// succeeded, 1 when it did not, 2 for a usage error: a command line that does not parse (an
/// unknown command or option, with suggestions; a missing argument), an unknown node, an unknown
/// parameter, a value that does not parse, a file that is not there, a body that could not be saved.
/// Response files (<c>@file</c> arguments) are not expanded: <c>@</c> introduces a file to send.
/// </summary>
public static class NodeCommandLine
{
    /// <summary>The exit code of a usage error or bad input.</summary>
    public const int UsageError = 2;

    /// <summary>Runs one command (<c>list</c> or <c>test</c>) over <paramref name="nodes"/> and writes what it reports, help and errors included, to <paramref name="output"/>.</summary>
    public static Task<int> RunAsync(
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
        var target = new NodeCommandTarget(nodes, runtime, options);
        var root = new RootCommand("Lists this program's SdkNodes nodes, or tests one (the Test API).")
        {
            CreateListCommand(_ => target),
            CreateTestCommand(_ => target),
        };
        return InvokeAsync(root, args, output, cancellationToken);
    }

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="root"/> and runs the command they name,
    /// writing its output, help and parse errors to <paramref name="output"/>. A command line that
    /// does not parse exits with <see cref="UsageError"/> (2) after its errors, the library's
    /// suggestions and the command's help; otherwise the command's own exit code. Exceptions
    /// propagate, and no Ctrl+C handler is installed: <paramref name="cancellationToken"/> cancels.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = output,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        int exit = await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        return parsed.Action is ParseErrorAction ? UsageError : exit;
    }

    /// <summary>
    /// The <c>list</c> command: each node of the target with its method, URI template and parameters.
    /// </summary>
    /// <param name="target">Supplies the nodes once the command line has parsed; disposed after.</param>
    /// <param name="leadingArguments">Arguments of the caller's own, first on the command line (the tool's <c>&lt;assembly.dll&gt;</c>).</param>
    public static Command CreateListCommand(Func<ParseResult, NodeCommandTarget> target, params IEnumerable<Argument> leadingArguments)
    {
        ArgumentNullException.ThrowIfNull(target);
        var command = new Command("list", "Lists the nodes with their method, URI template and parameters.");
        AddAll(command, leadingArguments);
        command.SetAction(parseResult =>
        {
            using NodeCommandTarget nodes = target(parseResult);
            List(nodes.Nodes, parseResult.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The <c>test</c> command: <c>test &lt;node&gt; [--set name=value]… [--save-body FILE] [--json]</c>
    /// sends one node through the Test API and prints its report.
    /// </summary>
    /// <param name="target">Supplies the nodes and the runtime once the command line has parsed; disposed after.</param>
    /// <param name="leadingArguments">Arguments of the caller's own, before the node's name (the tool's <c>&lt;assembly.dll&gt;</c>).</param>
    public static Command CreateTestCommand(Func<ParseResult, NodeCommandTarget> target, params IEnumerable<Argument> leadingArguments)
    {
        ArgumentNullException.ThrowIfNull(target);
        var node = new Argument<string>("node") { Description = "The node to test: its name or full name, in any case." };
        var set = new Option<string[]>("--set")
        {
            HelpName = "name=value",
            Description = "A parameter's value; repeat for more. 'name=' leaves it empty, 'File=@path' sends the file at path.",
        };
        set.Validators.Add(result =>
        {
            foreach (Token token in result.Tokens)
            {
                if (token.Value.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"--set takes name=value, such as --set Id=42; '{token.Value}' names no parameter.");
                }
            }
        });
        var saveBody = new Option<string>("--save-body")
        {
            HelpName = "FILE",
            Description = "Writes the answer's body to FILE: a binary body's exact bytes, a text body as UTF-8.",
        };
        saveBody.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var file }] && (file.Length == 0 || file.StartsWith('-')))
            {
                result.AddError($"--save-body needs a file to write the body to, not '{file}'.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Prints the report as JSON (camelCase) instead of text." };

        var command = new Command("test", "Sends one node through the Test API and prints its report.");
        AddAll(command, leadingArguments);
        command.Add(node);
        command.Add(set);
        command.Add(saveBody);
        command.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using NodeCommandTarget nodes = target(parseResult);
            return await TestAsync(
                nodes,
                parseResult.GetRequiredValue(node),
                parseResult.GetValue(set) ?? [],
                parseResult.GetValue(saveBody),
                parseResult.GetValue(json),
                parseResult.InvocationConfiguration.Output,
                cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static void AddAll(Command command, IEnumerable<Argument> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (Argument argument in arguments)
        {
            command.Add(argument);
        }
    }

    private static async Task<int> TestAsync(NodeCommandTarget target, string name, string[] sets, string? saveBody, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        NodeDescriptor? node = target.Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)
                                                              || string.Equals(n.FullName, name, StringComparison.OrdinalIgnoreCase));
        if (node is null)
        {
            await output.WriteLineAsync($"No node named '{name}'. Known nodes: {string.Join(", ", target.Nodes.Select(n => n.Name).Order(StringComparer.Ordinal))}.").ConfigureAwait(false);
            return UsageError;
        }

        // The parser checked each is name=value; the names are checked against the node here.
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string pair in sets)
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string parameter = pair[..equals];
            if (!node.Parameters.Any(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase)))
            {
                await output.WriteLineAsync($"{node.Name} has no parameter '{parameter}'. Its parameters: {string.Join(", ", node.Parameters.Select(p => p.Name))}.").ConfigureAwait(false);
                return UsageError;
            }

            string value = pair[(equals + 1)..];
            values[parameter] = value.Length == 0 ? null : value;
        }

        (TestReport report, NodeResult? result) = await new NodeTester(target.Runtime, target.TesterOptions).RunAsync(node, values, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, CommandLineJson.Default.TestReport)).ConfigureAwait(false);
        }
        else
        {
            await WriteReportAsync(node, report, output).ConfigureAwait(false);
        }

        if (!report.WasSent)
        {
            return UsageError;
        }

        if (saveBody is { } saveTo && !await SaveBodyAsync(result!, saveTo, json, output, cancellationToken).ConfigureAwait(false))
        {
            return UsageError;
        }

        return report.Outcome == NodeOutcome.Succeeded ? 0 : 1;
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

    private static void List(IReadOnlyList<NodeDescriptor> nodes, TextWriter output)
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
