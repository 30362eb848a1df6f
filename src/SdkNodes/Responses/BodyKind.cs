namespace SdkNodes;

/// <summary>How a node's response type takes its body, decided once per type by its <see cref="BodyReader{T}"/>.</summary>
internal enum BodyKind
{
    /// <summary>Read with System.Text.Json (or, for an untyped node, as a JsonElement when it is JSON).</summary>
    Json,

    /// <summary><c>string</c>: the text as it is.</summary>
    Text,

    /// <summary><c>byte[]</c>: the exact bytes, untouched by any charset or byte order mark.</summary>
    Bytes,

    /// <summary><c>Stream</c>: not read by the runtime at all on success; the caller reads it as it arrives.</summary>
    Stream,
}
