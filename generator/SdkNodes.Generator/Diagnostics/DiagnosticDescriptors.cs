using Microsoft.CodeAnalysis;

namespace SdkNodes.Generator.Diagnostics;

/// <summary>
/// Every diagnostic SdkNodes reports, in one place. Each help link points at its section of
/// docs/diagnostics.md, built from the ID.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SdkNodes";
    private const string HelpBase = "https://github.com/sdknodes/sdknodes/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor NotPartial = Create(
        "SDKN001", "Node class must be partial",
        "'{0}' must be declared partial so that SdkNodes can generate the node's executor",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedMethod = Create(
        "SDKN002", "HTTP method is not supported",
        "'{0}' is not an HTTP method SdkNodes sends; use GET, POST, PUT, DELETE, HEAD or PATCH",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MalformedTemplate = Create(
        "SDKN003", "Malformed URI template",
        "The URI template of '{0}' is malformed: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownVariable = Create(
        "SDKN004", "Template variable has no matching property",
        "Template variable '{0}' of '{1}' has no matching property{2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnboundProperty = Create(
        "SDKN005", "Property is not bound",
        "Property '{0}' of '{1}' binds to no template variable, header or body, so its value is never sent",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedType = Create(
        "SDKN006", "Property type cannot be expanded",
        "Property '{0}' of type '{1}' cannot be {2}; use a string, number, bool, enum, Guid, date or time, or an IFormattable",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BodyNotAllowed = Create(
        "SDKN007", "Body on a request that has none",
        "'{0}' sends {1}, which has no body; remove [{2}] from '{3}' or send POST, PUT or PATCH",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidStatusCode = Create(
        "SDKN008", "Invalid or repeated status code",
        "Status code {0} of '{1}' {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MessageForSuccessCode = Create(
        "SDKN009", "Error message mapped to a success code",
        "Status code {0} has an error message but is a success code of '{1}', so the message is never shown",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HeadWithBodyType = Create(
        "SDKN010", "HEAD node declares a response body type",
        "'{0}' sends HEAD, whose response has no body, but declares response type '{1}'; implement IApiNode instead",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SecretInUrl = Create(
        "SDKN011", "Secret placed in the URL",
        "Secret property '{0}' is placed in the URL: it is redacted in the run history, but proxies and server logs see it",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor CertificateValidationOff = Create(
        "SDKN012", "Certificate verification switched off",
        "'{0}' switches TLS certificate verification off: anyone between the runtime and the server can read and change its traffic",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MalformedJsonPointer = Create(
        "SDKN013", "Malformed JSON Pointer",
        "JSON Pointer '{0}' is malformed: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownField = Create(
        "SDKN014", "[Fields] names a member the record does not have",
        "[Fields] of '{0}' {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TimeoutOutOfRange = Create(
        "SDKN015", "Timeout out of range",
        "The timeout of '{0}' is {1} seconds; it must be more than 0 and at most 300",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor VariableBoundTwice = Create(
        "SDKN016", "Two properties bind one variable",
        "Properties '{0}' and '{1}' both bind template variable '{2}'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingNodeInterface = Create(
        "SDKN017", "Node class does not implement IApiNode",
        "'{0}' must implement IApiNode<TResponse> (a typed response) or IApiNode (an untyped one)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BodyCount = Create(
        "SDKN018", "Wrong number of body properties",
        "'{0}' has {1}; {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidHeader = Create(
        "SDKN019", "Invalid header",
        "{0}: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TwoNodeAttributes = Create(
        "SDKN020", "Two node attributes",
        "'{0}' has both [ApiRequest] and [SendObject]; a node has one mode",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RedirectsOutOfRange = Create(
        "SDKN021", "Redirect limit out of range",
        "'{0}' follows at most {1} redirects; the limit must be from 1 to 50",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ResponseLimitNotPositive = Create(
        "SDKN022", "Response size limit not positive",
        "The response size limit of '{0}' is {1} bytes; it must be more than 0",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RetryWithoutIdempotencyKey = Create(
        "SDKN023", "Retried POST or PATCH without an idempotency key",
        "'{0}' sends {1} with [Retry] but has no [IdempotencyKey], so it is never retried: a retried {1} could act twice. Add [IdempotencyKey] if the server honours one",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RetryOutOfRange = Create(
        "SDKN024", "Retry setting out of range",
        "The [Retry] of '{0}' has {1}; {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CircuitBreakerOutOfRange = Create(
        "SDKN025", "Circuit breaker setting out of range",
        "The [CircuitBreaker] of '{0}' has {1}; {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RateLimitOutOfRange = Create(
        "SDKN026", "Rate limit out of range",
        "The [RateLimit] of '{0}' has {1}; {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BodyWithFormFields = Create(
        "SDKN027", "Body mixed with form fields",
        "'{0}' has [Body] property '{1}' and form fields ({2}); a request has one body, so send either the [Body] or the [FormField]/[FilePart] properties",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FilePartNotAFile = Create(
        "SDKN028", "File part is not a NodeFile",
        "[FilePart] property '{0}' of '{1}' has type '{2}'; a file part must be a NodeFile (NodeFile.FromPath, FromBytes or FromStream)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ContentTypeNotOnRawBody = Create(
        "SDKN029", "Content type on a property that is not a raw body",
        "[ContentType] on '{0}' of '{1}' has no effect: {2}; put it on a [Body] property of type string, byte[], ReadOnlyMemory<byte>, Stream or NodeFile",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MalformedContentType = Create(
        "SDKN030", "Malformed content type",
        "The [ContentType] of '{0}' is '{1}', which is not a media type: {2}; write type/subtype with optional parameters, e.g. \"application/xml; charset=utf-8\"",
        DiagnosticSeverity.Error);

    // A warning, not an error: RFC 6570 §3.2.1 defines the expansion (the modifier has no
    // effect on a single value), so the node works; the '*' is only misleading.
    public static readonly DiagnosticDescriptor ExplodeOnSingleValue = Create(
        "SDKN031", "Explode modifier on a single value",
        "Template variable '{0}' of '{1}' has the explode modifier '*', but property '{2}' is a single value of type '{3}': '*' does nothing on a single value (RFC 6570 §3.2.1); remove it",
        DiagnosticSeverity.Warning);

    // Its own ID, not SDKN008: an error code is a string the body carries, not an HTTP status.
    public static readonly DiagnosticDescriptor RepeatedErrorCode = Create(
        "SDKN032", "Repeated error code",
        "Error code '{0}' of '{1}' has two error messages",
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
