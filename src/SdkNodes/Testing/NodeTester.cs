using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// The "Test API" facility: runs a node from its descriptor and text values for its
/// parameters, and reports when it was sent, the status code, seconds taken, the body and the
/// headers. Values not given are taken from the last test of that node; the values used are
/// remembered for next time (secrets only when <see cref="NodeTesterOptions.SaveSecrets"/> says so).
/// Every test that sends leaves one history record, like any execution.
/// </summary>
public sealed class NodeTester
{
    private readonly NodeRuntime _runtime;
    private readonly NodeTesterOptions _options;
    private readonly TestValueStore _store;

    /// <summary>Creates a tester that sends through <paramref name="runtime"/>.</summary>
    public NodeTester(NodeRuntime runtime, NodeTesterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _runtime = runtime;
        _options = options ?? new NodeTesterOptions();
        _store = new TestValueStore(_options.ValuesPath);
    }

    /// <summary>The values remembered for <paramref name="descriptor"/>'s node (what a UI offers again).</summary>
    public async Task<IReadOnlyDictionary<string, string?>> RememberedValuesAsync(NodeDescriptor descriptor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return await _store.LoadAsync(descriptor.FullName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tests a node. <paramref name="values"/> maps parameter (property) names to text; a name
    /// mapped to null is left empty; a name not given takes its remembered value.
    /// </summary>
    public async Task<TestReport> TestAsync(NodeDescriptor descriptor, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
        => (await RunAsync(descriptor, values, cancellationToken).ConfigureAwait(false)).Report;

    /// <summary>
    /// <see cref="TestAsync"/>, with the execution's result (null when nothing was sent), from
    /// which the command line saves the body: its text, or a binary body's exact bytes (<see cref="NodeResult.RawBodyBytes"/>).
    /// </summary>
    internal async Task<(TestReport Report, NodeResult? Result)> RunAsync(NodeDescriptor descriptor, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(values);
        if (descriptor.CreateFromValues is not { } create)
        {
            throw new InvalidOperationException($"{descriptor.Name} has no parameterless constructor, so the Test API cannot build it from values.");
        }

        Dictionary<string, string?> merged = await _store.LoadAsync(descriptor.FullName, cancellationToken).ConfigureAwait(false);
        foreach (KeyValuePair<string, string?> pair in values)
        {
            merged[CanonicalName(descriptor, pair.Key)] = pair.Value;
        }

        DateTimeOffset sentAt = _runtime.GetUtcNow();
        IGeneratedNode node;
        try
        {
            // A file that is not there is refused here, like a value that does not parse, rather
            // than failing the request after the values were remembered.
            MissingFile(descriptor, merged);
            node = create(merged, _runtime.JsonSerializerOptions);
        }
        catch (NodeInputException ex)
        {
            // The value does not parse: nothing is sent, and nothing is remembered.
            return (new TestReport
            {
                NodeName = descriptor.Name,
                SentAt = sentAt,
                WasSent = false,
                Outcome = NodeOutcome.Failed,
                Error = new NodeError(NodeErrorKind.InvalidInput, null, ex.Message),
                Values = Shown(descriptor, merged),
            }, null);
        }

        await _store.SaveAsync(descriptor.FullName, Saved(descriptor, merged), cancellationToken).ConfigureAwait(false);
        // The report shows the body, so it is kept even when it was read as JSON.
        var sent = new SentRequestHolder();
        var scope = new ExecutionScope(null, ThrowOnAbort: false, NotRun: null, KeepRawBody: true, SentRequest: sent);
        NodeResult<JsonElement?> result = await _runtime.ExecuteAsync(node, UntypedBodyReader.Instance, scope, cancellationToken).ConfigureAwait(false);
        return (Report(result, Shown(descriptor, merged), sent.Request), result);
    }

    // "@path" for a NodeFile parameter names a file, relative to the current directory; one
    // that is not there (or "@" alone, or a folder) is refused with its full path.
    private static void MissingFile(NodeDescriptor descriptor, Dictionary<string, string?> values)
    {
        foreach (NodeParameter parameter in descriptor.Parameters)
        {
            if (parameter.Type != typeof(NodeFile) || !values.TryGetValue(parameter.Name, out string? value) || value is null || !value.StartsWith('@'))
            {
                continue;
            }

            string path = value[1..];
            if (path.Length == 0)
            {
                throw new NodeInputException($"Parameter '{parameter.Name}' of {descriptor.Name} is a file: write @ and its path, e.g. @report.pdf.");
            }

            string full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw new NodeInputException($"Parameter '{parameter.Name}' of {descriptor.Name}: no file at '{path}' ({full}).");
            }
        }
    }

    /// <summary>What the Test API reports for an execution's <paramref name="result"/>, built from <paramref name="shownValues"/>.</summary>
    internal static TestReport Report(NodeResult result, IReadOnlyDictionary<string, string?> shownValues, TestRequest? request = null) => new()
    {
        NodeName = result.NodeName,
        SentAt = result.StartedAt,
        Outcome = result.Outcome,
        StatusCode = result.StatusCode,
        Seconds = Math.Round(result.Elapsed.TotalSeconds, 2),
        Body = Pretty(result.RawBody),
        ContentType = result.ContentType,
        ContentLength = result.ContentLength,
        Headers = result.Headers,
        Attempts = result.Attempts,
        Request = request,
        Error = result.Error,
        Values = shownValues,
    };

    /// <summary>
    /// Whether the Test API treats <paramref name="parameter"/> as a secret: a <see cref="SecretAttribute"/>
    /// property, or one sent in a sensitive header such as Authorization. A secret is masked in
    /// reports and not remembered (unless <see cref="NodeTesterOptions.SaveSecrets"/>); a UI types it into a password box.
    /// </summary>
    public bool IsSecret(NodeParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.IsSecret
               || (parameter.Binding == NodeParameterBinding.Header && _runtime.IsSensitiveHeader(parameter.BindsTo!));
    }

    private bool IsSecret(NodeDescriptor descriptor, string name)
    {
        foreach (NodeParameter parameter in descriptor.Parameters)
        {
            if (parameter.Name == name)
            {
                return IsSecret(parameter);
            }
        }

        return false;
    }

    private Dictionary<string, string?> Saved(NodeDescriptor descriptor, Dictionary<string, string?> values)
    {
        var saved = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string?> pair in values)
        {
            if (_options.SaveSecrets || !IsSecret(descriptor, pair.Key))
            {
                saved[pair.Key] = pair.Value;
            }
        }

        return saved;
    }

    private Dictionary<string, string?> Shown(NodeDescriptor descriptor, Dictionary<string, string?> values)
    {
        var shown = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string?> pair in values)
        {
            shown[pair.Key] = pair.Value is not null && IsSecret(descriptor, pair.Key) ? Redaction.Mask : pair.Value;
        }

        return shown;
    }

    // Parameters are remembered under the property's own spelling, whatever case was typed.
    private static string CanonicalName(NodeDescriptor descriptor, string name)
    {
        foreach (NodeParameter parameter in descriptor.Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Name;
            }
        }

        return name;
    }

    private static string? Pretty(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return body;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            var text = new System.Buffers.ArrayBufferWriter<byte>(body.Length * 2);
            // For people to read: "Fürth", not "F\u00FCrth" (the report is not embedded in HTML).
            using (var writer = new Utf8JsonWriter(text, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.RootElement.WriteTo(writer);
            }

            return System.Text.Encoding.UTF8.GetString(text.WrittenSpan);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
