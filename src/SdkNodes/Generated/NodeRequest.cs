using System;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SdkNodes.Generated;

/// <summary>Helpers the generated <c>CreateRequest</c> calls, so the generated code stays short.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class NodeRequest
{
    /// <summary>
    /// The JSON options <c>CreateRequest()</c> and <c>FromValues(values)</c> use outside a runtime:
    /// web defaults, with reflection where the application allows it (not when trimmed or
    /// native AOT: there, pass the runtime's options, which carry the application's context).
    /// </summary>
    public static JsonSerializerOptions DefaultJsonOptions { get; } = CreateDefaultJsonOptions();

    /// <summary>Builds the request message for a node.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The expanded address.</param>
    /// <param name="baseRoot">
    /// The root a relative address is appended to (a base address without its trailing '/'), or
    /// null to leave a relative address relative. Joining the text here parses the address once:
    /// a relative <see cref="Uri"/> resolved afterwards would be parsed twice.
    /// </param>
    /// <param name="nodeName">The node's name, for the error message.</param>
    /// <remarks>
    /// An address without a scheme and without a base stays relative: <see cref="UriKind.RelativeOrAbsolute"/>
    /// would read <c>/orders/1</c> as a file path on Unix.
    /// </remarks>
    /// <exception cref="NodeInputException">The expanded path has a <c>.</c> or <c>..</c> segment.</exception>
    public static HttpRequestMessage Create(HttpMethod method, string uri, string? baseRoot, string nodeName)
    {
        // The generated code has no descriptor to pass: the expanded text is read.
        bool absolute = IsAbsolute(uri, descriptor: null);
        if (HasDotSegment(uri, absolute))
        {
            // RFC 6570 leaves '.' unencoded, and System.Uri removes "." and ".." segments (even
            // written %2E%2E), so a value of ".." would climb out of the template's path.
            throw new NodeInputException(
                $"The address of {nodeName} would contain a '.' or '..' path segment, which would change its path; a value may not form such a segment.");
        }

        Uri address = absolute || baseRoot is not null
            ? new Uri(Resolve(uri, absolute, baseRoot), UriKind.Absolute)
            : new Uri(uri, UriKind.Relative);
        return new HttpRequestMessage(method, address);
    }

    /// <summary>True when the path of <paramref name="uri"/> has a segment that is "." or "..", plain or percent-encoded.</summary>
    public static bool HasDotSegment(string uri) => HasDotSegment(uri, IsAbsolute(uri, descriptor: null));

    private static bool HasDotSegment(string uri, bool hasScheme)
    {
        ReadOnlySpan<char> path = uri;
        if (hasScheme)
        {
            int authority = uri.IndexOf("//", StringComparison.Ordinal);
            int pathStart = authority < 0 ? uri.IndexOf(':') + 1 : uri.IndexOfAny(['/', '?', '#'], authority + 2);
            path = pathStart < 0 ? [] : path[pathStart..];
        }

        int end = path.IndexOfAny('?', '#');
        if (end >= 0)
        {
            path = path[..end];
        }

        if (path.IndexOfAny('.', '%') < 0)
        {
            // The usual case, settled without splitting: no dot, plain or encoded, at all.
            return false;
        }

        foreach (Range range in path.Split('/'))
        {
            if (IsDotSegment(path[range]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDotSegment(ReadOnlySpan<char> segment)
    {
        int dots = 0;
        while (!segment.IsEmpty)
        {
            if (segment[0] == '.')
            {
                segment = segment[1..];
            }
            else if (segment.StartsWith("%2E", StringComparison.OrdinalIgnoreCase))
            {
                segment = segment[3..];
            }
            else
            {
                return false;
            }

            dots++;
        }

        return dots is 1 or 2;
    }

    /// <summary>
    /// The error a node's members throw when the generator did not generate them: the node has
    /// SdkNodes build errors, or the generator is not referenced as an analyzer.
    /// </summary>
    public static InvalidOperationException NotGenerated(string nodeName)
        => new($"SdkNodes did not generate the executor of '{nodeName}': fix its SDKN build errors, and check that the SdkNodes generator is referenced as an analyzer.");

    /// <summary>Fails when a required property holds null.</summary>
    /// <exception cref="NodeInputException">The value is null.</exception>
    public static T Required<T>(T? value, string nodeName, string propertyName)
        where T : class
        => value ?? throw new NodeInputException($"{nodeName}.{propertyName} is required but is null.");

    /// <summary>
    /// Adds a header unless <paramref name="value"/> is null. A value with CR, LF or NUL is
    /// refused: it could smuggle another header into the request.
    /// </summary>
    /// <exception cref="NodeInputException">The value holds CR, LF or NUL.</exception>
    public static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new NodeInputException($"The value of header '{name}' contains a line break or NUL character, which is not allowed in a header.");
        }

        // Content headers (Content-Type, Content-Language, ...) belong to the content.
        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            request.Content ??= new ByteArrayContent([]);
            request.Content.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>A header value for a <see cref="bool"/>: <c>true</c> or <c>false</c>.</summary>
    public static string HeaderText(bool value) => value ? "true" : "false";

    /// <summary>A header value for a nullable <see cref="bool"/>; null sends no header.</summary>
    public static string? HeaderText(bool? value) => value is { } b ? HeaderText(b) : null;

    /// <summary>A header value for a <see cref="char"/>.</summary>
    public static string HeaderText(char value) => value.ToString();

    /// <summary>A header value for a nullable <see cref="char"/>; null sends no header.</summary>
    public static string? HeaderText(char? value) => value?.ToString();

    /// <summary>A header value formatted with the invariant culture; null sends no header.</summary>
    public static string? HeaderText<T>(T? value, string? format)
        where T : IFormattable
        => value?.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A header value for a nullable value type, formatted with the invariant culture; null sends no header.</summary>
    public static string? HeaderText<T>(T? value, string? format)
        where T : struct, IFormattable
        => value?.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Serializes <paramref name="body"/> as UTF-8 JSON with the runtime's options; null sends no body.</summary>
    public static void SetJsonBody<T>(HttpRequestMessage request, T? body, JsonSerializerOptions options)
    {
        if (body is null)
        {
            return;
        }

        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        AttachJson(request, options, static (json, state) => JsonSerializer.Serialize(json, state.Body, state.TypeInfo), (Body: body, TypeInfo: typeInfo));
    }

    /// <summary>
    /// Writes <paramref name="body"/> as a JSON object of the members <paramref name="writeMembers"/>
    /// writes (a data-object node with <see cref="FieldsAttribute"/>); null sends no body.
    /// </summary>
    public static void SetJsonBody<T>(HttpRequestMessage request, T? body, JsonSerializerOptions options, Action<Utf8JsonWriter, T, JsonSerializerOptions> writeMembers)
    {
        if (body is null)
        {
            return;
        }

        AttachJson(
            request,
            options,
            static (json, state) =>
            {
                json.WriteStartObject();
                state.WriteMembers(json, state.Body, state.Options);
                json.WriteEndObject();
            },
            (Body: body, Options: options, WriteMembers: writeMembers));
    }

    // Writes the JSON into a pooled buffer that the request's content then owns (see JsonBodyContent).
    private static void AttachJson<TState>(HttpRequestMessage request, JsonSerializerOptions options, Action<Utf8JsonWriter, TState> write, TState state)
    {
        // Most bodies fit the first buffer (pooled, so a larger one costs nothing more).
        var buffer = new PooledBufferWriter(4096);
        try
        {
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
            {
                Encoder = options.Encoder,
                Indented = options.WriteIndented,
                IndentCharacter = options.IndentCharacter,
                IndentSize = options.IndentSize,
                NewLine = options.NewLine,
                MaxDepth = options.MaxDepth,

                // As JsonSerializer's own writers: the serializer writes well-formed JSON.
                SkipValidation = true,
            }))
            {
                write(json, state);
            }

            AttachContent(request, new JsonBodyContent(buffer));
        }
        finally
        {
            buffer.ReturnUnlessDetached();
        }
    }

    private static void AttachContent(HttpRequestMessage request, HttpContent content)
    {
        if (request.Content is { } earlier)
        {
            // Content headers added before the body was set move onto the body.
            foreach (var header in earlier.Headers)
            {
                content.Headers.Remove(header.Key);
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            earlier.Dispose();
        }

        request.Content = content;
    }

    /// <summary>A member's JSON name: its [JsonPropertyName], else the options' naming policy, else the member's name.</summary>
    public static string JsonName(string member, string? explicitName, JsonSerializerOptions options)
        => explicitName ?? options.PropertyNamingPolicy?.ConvertName(member) ?? member;

    /// <summary>Writes one member's value with its <see cref="JsonTypeInfo{T}"/> from the options.</summary>
    public static void WriteJsonValue<T>(Utf8JsonWriter json, T value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(json, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    private static JsonSerializerOptions CreateDefaultJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = DefaultJsonResolver.Create() };
        options.MakeReadOnly();
        return options;
    }
}
