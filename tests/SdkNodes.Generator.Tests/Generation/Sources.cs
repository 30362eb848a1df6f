namespace SdkNodes.Generator.Tests.Generation;

/// <summary>Node classes the generation tests compile; one per shape worth pinning.</summary>
internal static class Sources
{
    public const string IpAttribution = """
        using SdkNodes;

        namespace Contoso.Nodes;

        public sealed record IpInfo(string Province, string City, string Isp);

        [ApiRequest("GET", "https://apis.example.com/ip/ipNew{?ip,key}")]
        [SuccessCodes(200)]
        [ErrorMessage(401, "The API key was rejected")]
        [ErrorCodeField("/error_code", Success = "0", MessagePointer = "/reason")]
        [OnFailure(FailureAction.Continue)]
        [Timeout(10)]
        [Header("Accept", "application/json")]
        public sealed partial class IpAttribution : IApiNode<IpInfo>
        {
            public required string Ip { get; init; }
            [Secret] public required string Key { get; init; }
            [Header("Authorization"), Secret] public string? Token { get; init; }
        }
        """;

    public const string PushOrder = """
        using System;
        using SdkNodes;

        namespace Contoso.Nodes;

        public sealed record Order(string Id, decimal Amount);
        public sealed record Receipt(string Id);
        public enum Priority { Low, High }

        [ApiRequest("post", "/customers/{customer}/orders{?priority,due,page}")]
        [SuccessCodes(201, 202)]
        [ErrorMessage(409, "The order exists already")]
        [ErrorMessage("E42", "The warehouse is closed")]
        [OnFailure(FailureAction.Abort)]
        [Timeout(2.5)]
        [MaxResponseBytes(1_048_576)]
        [UseProxy]
        public sealed partial class PushOrder : IApiNode<Receipt?>
        {
            [UriParam("customer")] public required Guid CustomerId { get; init; }
            public Priority? Priority { get; init; }
            [Format("yyyy-MM-dd")] public DateTime Due { get; init; }
            public int Page { get; init; }
            [Body] public required Order Order { get; init; }
            [Header("X-Attempt")] public int Attempt { get; init; }
            [Header("X-Dry-Run")] public bool? DryRun { get; init; }
            [Header("X-Cache")] public bool? Cache { get; init; }
            [Header("X-Budget")] public decimal? Budget { get; init; }
        }
        """;

    public const string HeadWithOperators = """
        using SdkNodes;

        namespace Contoso.Nodes;

        [ApiRequest("HEAD", "/files{/name}{;version}{.ext}{?lang:2}{#section}{+raw}")]
        public sealed partial class ProbeFile : IApiNode
        {
            public required string Name { get; init; }
            public long? Version { get; init; }
            public string? Ext { get; init; }
            public string? Lang { get; init; }
            public string? Section { get; init; }
            public string? Raw { get; init; }
        }
        """;

    public const string SendRecord = """
        using SdkNodes;

        namespace Contoso.Nodes;

        public sealed record Customer(string Id, string Name);

        [SendObject("PUT", "/customers/{id}")]
        public sealed partial class PushCustomer : IApiNode
        {
            public required string Id { get; init; }
            [Body] public required Customer Customer { get; init; }
        }
        """;

    public const string SendSelectedFields = """
        using System.Text.Json.Serialization;
        using SdkNodes;

        namespace Contoso.Nodes;

        public sealed record Contact(string Id, [property: JsonPropertyName("full_name")] string Name, string Email, int Age);

        [SendObject("PATCH", "/contacts/{id}")]
        [Fields(nameof(Contact.Name), nameof(Contact.Age))]
        public sealed partial class PatchContact : IApiNode
        {
            public required string Id { get; init; }
            [Body] public required Contact Contact { get; init; }
        }
        """;

    public const string ReserveSeat = """
        using SdkNodes;

        namespace Contoso.Nodes;

        public sealed record Seat(string Row, int Number);
        public sealed record Reservation(string Id);

        [ApiRequest("POST", "/flights/{flight}/seats")]
        [Retry(3, Delay = 0.5, Backoff = RetryBackoff.Linear, OnStatus = new[] { 503 })]
        [IdempotencyKey]
        [CircuitBreaker(FailureRatio = 0.25, Key = "seats")]
        [RateLimit(5, 1.5)]
        public sealed partial class ReserveSeat : IApiNode<Reservation>
        {
            public required string Flight { get; init; }
            [Body] public required Seat Seat { get; init; }
        }
        """;

    // Headers from base classes: the base is no node and not partial; the node's own Accept wins
    // over its base's, and the grandparent's X-Api-Version arrives through a middle class.
    public const string InheritedHeaders = """
        using SdkNodes;

        namespace Contoso.Nodes;

        [Header("X-Api-Version", "2024-06-01")]
        [Header("Accept", "application/xml")]
        public abstract class ContosoNode
        {
            [Header("X-Tenant")] public string? Tenant { get; init; }
        }

        [Header("Accept", "application/vnd.contoso+json")]
        [Header("X-Client", "workflows")]
        public abstract class InventoryNode : ContosoNode
        {
        }

        [ApiRequest("GET", "/inventory/{sku}")]
        [Header("Accept", "application/json")]
        public sealed partial class CheckStock : InventoryNode, IApiNode
        {
            public required string Sku { get; init; }
        }
        """;
    public const string FormSubmit = """
        using System;
        using System.Collections.Generic;
        using SdkNodes;

        namespace Contoso.Nodes;

        public enum Plan { Free, Team, Enterprise }

        [ApiRequest("POST", "/signups")]
        public sealed partial class SubmitSignup : IApiNode
        {
            [FormField] public required string Email { get; init; }
            [FormField("plan")] public Plan Tier { get; init; }
            [FormField, Format("yyyy-MM-dd")] public DateOnly StartsOn { get; init; }
            [FormField] public int? Seats { get; init; }
            [FormField("tag")] public IEnumerable<string>? Tags { get; init; }
            [Header("X-Request-Id")] public string? RequestId { get; init; }
        }
        """;

    public const string MultipartUpload = """
        using SdkNodes;

        namespace Contoso.Nodes;

        [ApiRequest("POST", "/documents/{folder}")]
        public sealed partial class UploadDocument : IApiNode
        {
            public required string Folder { get; init; }
            [FormField] public required string Title { get; init; }
            [FilePart("file")] public required NodeFile Document { get; init; }
            [FilePart] public NodeFile? Thumbnail { get; init; }
            [FormField("keep")] public bool? KeepVersions { get; init; }
        }
        """;

    public const string RawXml = """
        using SdkNodes;

        namespace Contoso.Nodes;

        [ApiRequest("PUT", "/invoices/{id}")]
        public sealed partial class PutInvoiceXml : IApiNode<string>
        {
            public required string Id { get; init; }
            [Body, ContentType("application/xml; charset=utf-8")] public required string Xml { get; init; }
        }
        """;
}
