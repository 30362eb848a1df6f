using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SdkNodes;

/// <summary>Turns a successful response body into the node's <c>Body</c>.</summary>
internal abstract class BodyReader<T>
{
    private protected BodyReader(BodyKind kind) => Kind = kind;

    /// <summary>How the body is taken: the exchange hands a <see cref="BodyKind.Bytes"/> reader the bytes as they came, and never reads a <see cref="BodyKind.Stream"/> one's.</summary>
    public BodyKind Kind { get; }

    /// <summary>
    /// Reads the body (UTF-8 without a BOM; for <see cref="BodyKind.Bytes"/>, the exact bytes);
    /// on failure calls <see cref="NodeResult.Fail"/> and returns default.
    /// </summary>
    public abstract T? Read(ReadOnlySpan<byte> utf8, NodeDescriptor descriptor, JsonSerializerOptions options, NodeResult result);
}

/// <summary>Reads <typeparamref name="T"/> with System.Text.Json; <c>string</c> takes the text as it is.</summary>
internal sealed class TypedBodyReader<T> : BodyReader<T>
{
    public static readonly TypedBodyReader<T> Instance = new();

    private TypedBodyReader()
        : base(KindOf(typeof(T)))
    {
    }

    public override T? Read(ReadOnlySpan<byte> utf8, NodeDescriptor descriptor, JsonSerializerOptions options, NodeResult result)
    {
        if (Kind == BodyKind.Bytes)
        {
            // Binary data is not JSON: a byte[] is the body itself, not a base64 string in it.
            // An empty body follows the empty-body rule of every other type, except that an
            // empty array is a faithful answer: byte[] gets one, byte[]? gets null.
            return utf8.IsEmpty && descriptor.AllowsEmptyResponse ? default : (T)(object)utf8.ToArray();
        }

        if (typeof(T) == typeof(string))
        {
            // The text is the body: RawBody is the same string.
            string text = result.RawBodyText ??= Encoding.UTF8.GetString(utf8);
            return (T)(object)text;
        }

        string typeName = descriptor.ResponseTypeName ?? typeof(T).Name;
        if (IsBlank(utf8))
        {
            if (!descriptor.AllowsEmptyResponse)
            {
                result.Fail(new NodeError(
                    NodeErrorKind.Deserialization,
                    null,
                    $"The response body is empty, but {typeName} was expected. Declare the response type as {typeName}? to accept an empty body."));
            }

            return default;
        }

        try
        {
            var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            return JsonSerializer.Deserialize(utf8, typeInfo);
        }
        catch (JsonException ex)
        {
            result.Fail(new NodeError(NodeErrorKind.Deserialization, null, DescribeJsonError(typeName, ex)));
            return default;
        }
        catch (NotSupportedException ex)
        {
            result.Fail(new NodeError(NodeErrorKind.Deserialization, null, $"The response body could not be read as {typeName}: {ex.Message}"));
            return default;
        }
    }

    private static BodyKind KindOf(Type type)
    {
        if (type == typeof(string))
        {
            return BodyKind.Text;
        }

        if (type == typeof(byte[]))
        {
            return BodyKind.Bytes;
        }

        return type == typeof(Stream) ? BodyKind.Stream : BodyKind.Json;
    }

    // string.IsNullOrWhiteSpace of the text, without decoding it when an ASCII byte settles it.
    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (byte b in utf8)
        {
            if (b >= 0x80)
            {
                return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(utf8));
            }

            if (!char.IsWhiteSpace((char)b))
            {
                return false;
            }
        }

        return true;
    }

    // "The response body does not match IpInfo at $.city: The JSON value could not be converted to System.String."
    private static string DescribeJsonError(string typeName, JsonException ex)
    {
        // A body that is not JSON at all (cut off, HTML, a stray character) says so plainly;
        // JSON of the wrong shape names the place that does not fit.
        if (ex.InnerException is not null && ex.InnerException.GetType().Name == "JsonReaderException")
        {
            long line = (ex.LineNumber ?? 0) + 1;
            long position = (ex.BytePositionInLine ?? 0) + 1;
            return $"The response body is not valid JSON (line {line}, position {position}), so it could not be read as {typeName}.";
        }

        string reason = ex.Message;
        int pathStart = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (pathStart >= 0)
        {
            reason = reason[..pathStart];
        }

        return $"The response body does not match {typeName} at {ex.Path ?? "$"}: {reason.Trim()}";
    }
}

/// <summary>For untyped nodes: the body as a <see cref="JsonElement"/> when it is JSON, otherwise null. Never fails.</summary>
internal sealed class UntypedBodyReader : BodyReader<JsonElement?>
{
    public static readonly UntypedBodyReader Instance = new();

    private UntypedBodyReader()
        : base(BodyKind.Json)
    {
    }

    public override JsonElement? Read(ReadOnlySpan<byte> utf8, NodeDescriptor descriptor, JsonSerializerOptions options, NodeResult result)
    {
        if (utf8.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
