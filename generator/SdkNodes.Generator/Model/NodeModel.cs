namespace SdkNodes.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one node, as plain values: no symbols, syntax or
/// locations, so the incremental pipeline can compare two parses and skip unchanged nodes.
/// A node with build errors keeps only its names (<see cref="HasErrors"/>): it gets stubs.
/// </summary>
internal sealed record NodeModel(
    bool HasErrors,
    string Namespace,
    string ClassName,
    string Keyword,
    string TypeParameters,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string FullName,
    string FullyQualifiedName,
    bool IsSendObject,
    string Method,
    string UriTemplate,
    bool IsRelative,
    EquatableArray<TemplatePart> TemplateParts,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<BodyFieldModel> BodyFields,
    EquatableArray<StaticHeaderModel> StaticHeaders,
    EquatableArray<int> SuccessCodes,
    EquatableArray<StatusMessageModel> StatusMessages,
    EquatableArray<CodeMessageModel> ErrorCodeMessages,
    ErrorCodeFieldModel? ErrorCodeField,
    bool AbortOnFailure,
    long? TimeoutTicks,
    long? MaxResponseBytes,
    bool UseProxy,
    bool ValidateCertificate,
    int MaxRedirects,
    RetryModel? Retry,
    string? IdempotencyKeyHeader,
    CircuitBreakerModel? CircuitBreaker,
    RateLimitModel? RateLimit,
    string? ResponseType,
    string? ResponseTypeOf,
    string? ResponseTypeName,
    bool AllowsEmptyResponse,
    bool HasFromValues)
{
    /// <summary>True for a generic node class; it cannot be listed in the registry.</summary>
    public bool IsGeneric => TypeParameters.Length > 0;
}

/// <summary>A type the node class is nested in: its keyword (<c>class</c>, <c>struct</c>, ...), name and type parameters.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name, string TypeParameters);

/// <summary>A fixed header from <c>[Header(name, value)]</c> on the class.</summary>
internal sealed record StaticHeaderModel(string Name, string Value);

/// <summary>A status code mapped to a message.</summary>
internal sealed record StatusMessageModel(int Status, string Message);

/// <summary>A body error code mapped to a message.</summary>
internal sealed record CodeMessageModel(string Code, string Message);

/// <summary>Where the body carries an error code; pointers already split into unescaped tokens.</summary>
internal sealed record ErrorCodeFieldModel(
    string Pointer,
    EquatableArray<string> PointerTokens,
    string? Success,
    string? MessagePointer,
    EquatableArray<string>? MessagePointerTokens);

/// <summary>A member of the body record that [Fields] selects: its C# name, its [JsonPropertyName] if any, and its type.</summary>
internal sealed record BodyFieldModel(string Member, string? JsonName, string Type);


