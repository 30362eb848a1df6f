using SdkNodes.CodeFixes;

namespace SdkNodes.Generator.Tests.CodeFixes;

/// <summary>Each fix applied to a broken node, compared with the source a developer would write.</summary>
public class CodeFixTests
{
    [Fact]
    public async Task MakePartial_AddsPartialAfterTheOtherModifiers()
    {
        string fixedSource = await CodeFixHarness.ApplyAsync(new MakePartialCodeFix(), """
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders/{id}")]
            public sealed class Lookup : IApiNode { public required string Id { get; init; } }
            """, "SDKN001", "Make 'Lookup' partial");

        Assert.Equal("""
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders/{id}")]
            public sealed partial class Lookup : IApiNode { public required string Id { get; init; } }
            """, fixedSource);
    }

    [Fact]
    public async Task MakePartial_OnAClassWithoutModifiers()
    {
        string fixedSource = await CodeFixHarness.ApplyAsync(new MakePartialCodeFix(), """
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders")]
            class Lookup : IApiNode { }
            """, "SDKN001", "Make 'Lookup' partial");

        Assert.Equal("""
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders")]
            partial class Lookup : IApiNode { }
            """, fixedSource);
    }

    [Fact]
    public async Task UnknownVariable_OffersRenameAndAddProperty()
    {
        var titles = await CodeFixHarness.TitlesAsync(new UnknownVariableCodeFix(), Typo, "SDKN004");

        Assert.Equal(["Rename 'ordrId' to 'orderId'", "Add property 'OrdrId' for 'ordrId'"], titles);
    }

    [Fact]
    public async Task UnknownVariable_RenameToTheClosestProperty()
    {
        string fixedSource = await CodeFixHarness.ApplyAsync(new UnknownVariableCodeFix(), Typo, "SDKN004", "Rename 'ordrId' to 'orderId'");

        Assert.Equal(Typo.Replace("{ordrId}", "{orderId}"), fixedSource);
    }

    [Fact]
    public async Task UnknownVariable_AddAProperty_WithUriParamWhenTheNameIsNotAnIdentifier()
    {
        string fixedSource = await CodeFixHarness.ApplyAsync(new UnknownVariableCodeFix(), """
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders{?warehouse_id}")]
            public sealed partial class Lookup : IApiNode
            {
            }
            """, "SDKN004", "Add property 'WarehouseId' for 'warehouse_id'");

        Assert.Equal("""
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders{?warehouse_id}")]
            public sealed partial class Lookup : IApiNode
            {
                [UriParam("warehouse_id")] public string? WarehouseId { get; init; }
            }
            """, fixedSource);
    }

    [Fact]
    public async Task RemoveBody_FromAGetNode()
    {
        string fixedSource = await CodeFixHarness.ApplyAsync(new RemoveBodyCodeFix(), """
            using SdkNodes;
            namespace Demo;
            public sealed record Filter(string City);
            [ApiRequest("GET", "/orders")]
            public sealed partial class Lookup : IApiNode
            {
                [Body] public Filter? Filter { get; init; }
            }
            """, "SDKN007", "Remove [Body]");

        Assert.Equal("""
            using SdkNodes;
            namespace Demo;
            public sealed record Filter(string City);
            [ApiRequest("GET", "/orders")]
            public sealed partial class Lookup : IApiNode
            {
                public Filter? Filter { get; init; }
            }
            """, fixedSource.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task RemoveDuplicate_SuccessCode()
    {
        string fixedSource = await CodeFixHarness.ApplyAsync(new RemoveDuplicateStatusCodeFix(), """
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders")]
            [SuccessCodes(200, 201, 200)]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN008", "Remove the repeated code 200");

        Assert.Equal("""
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders")]
            [SuccessCodes(200, 201)]
            public sealed partial class Lookup : IApiNode { }
            """, fixedSource);
    }

    [Fact]
    public async Task RemoveDuplicate_ErrorMessage()
    {
        string fixedSource = await CodeFixHarness.ApplyAsync(new RemoveDuplicateStatusCodeFix(), """
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders")]
            [ErrorMessage(404, "No such order")]
            [ErrorMessage(404, "Not found")]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN008", "Remove the second message for 404");

        Assert.Equal("""
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders")]
            [ErrorMessage(404, "No such order")]
            public sealed partial class Lookup : IApiNode { }
            """, fixedSource);
    }

    [Fact]
    public async Task OutOfRangeStatusCode_HasNoAutomaticFix()
    {
        var titles = await CodeFixHarness.TitlesAsync(new RemoveDuplicateStatusCodeFix(), """
            using SdkNodes;
            namespace Demo;
            [ApiRequest("GET", "/orders")]
            [SuccessCodes(700)]
            public sealed partial class Lookup : IApiNode { }
            """, "SDKN008");

        Assert.Empty(titles);
    }

    [Fact]
    public async Task AddIdempotencyKey_OnItsOwnLineAfterTheRetry()
    {
        string fixedSource = await CodeFixHarness.ApplyAsync(new AddIdempotencyKeyCodeFix(), """
            using SdkNodes;
            namespace Demo;
            [ApiRequest("POST", "/seats")]
            [Retry(3)]
            [Timeout(5)]
            public sealed partial class Reserve : IApiNode { }
            """, "SDKN023", "Add [IdempotencyKey]");

        Assert.Equal("""
            using SdkNodes;
            namespace Demo;
            [ApiRequest("POST", "/seats")]
            [Retry(3)]
            [IdempotencyKey]
            [Timeout(5)]
            public sealed partial class Reserve : IApiNode { }
            """, fixedSource);
    }

    [Fact]
    public async Task AddIdempotencyKey_KeepsTheIndentationOfANestedNode()
    {
        string fixedSource = await CodeFixHarness.ApplyAsync(new AddIdempotencyKeyCodeFix(), """
            using SdkNodes;
            namespace Demo;
            public static partial class Seats
            {
                [ApiRequest("PATCH", "/seats/{id}")]
                [Retry(2, Delay = 0.5), Timeout(5)]
                public sealed partial class Move : IApiNode
                {
                    public required string Id { get; init; }
                }
            }
            """, "SDKN023", "Add [IdempotencyKey]");

        Assert.Equal("""
            using SdkNodes;
            namespace Demo;
            public static partial class Seats
            {
                [ApiRequest("PATCH", "/seats/{id}")]
                [Retry(2, Delay = 0.5), Timeout(5)]
                [IdempotencyKey]
                public sealed partial class Move : IApiNode
                {
                    public required string Id { get; init; }
                }
            }
            """, fixedSource.Replace("\r\n", "\n"));
    }

    private const string Typo = """
        using SdkNodes;
        namespace Demo;
        [ApiRequest("GET", "/orders/{ordrId}")]
        public sealed partial class Lookup : IApiNode
        {
            public required string OrderId { get; init; }
        }
        """;
}
