using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Refit;
using SdkNodes.Refit;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Workflow;

namespace SdkNodes.Tests.Refit;

/// <summary>A hand-written Refit interface, as a user already has one.</summary>
public interface IPlacesApi
{
    [Get("/places/{customer}")]
    Task<IApiResponse<Place>> GetPlace(string customer, [global::Refit.Header("Authorization")] string token, CancellationToken cancellationToken);

    [Get("/places/{customer}")]
    Task<Place> GetPlaceOrThrow(string customer, CancellationToken cancellationToken);
}

/// <summary>Refit calls run as nodes: success codes, messages, timeout, continue/abort, one history record each.</summary>
public class RefitInteropTests
{
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
        app.MapGet("/places/{customer}", async (string customer, CancellationToken aborted) =>
        {
            switch (customer)
            {
                case "c-1": return Results.Json(new { city = "Lyon", country = "FR" });
                case "bad-json": return Results.Text("{\"city\": 12", "application/json");
                case "slow":
                    await Task.Delay(TimeSpan.FromSeconds(5), aborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return Results.Ok();
                default: return Results.NotFound();
            }
        }));

    private static readonly RefitNode<IPlacesApi, Place> s_lookup = new("LookupPlace", (api, ct) => api.GetPlace("c-1", "Bearer secret-token", ct))
    {
        ErrorMessages = new Dictionary<int, string> { [404] = "No such customer" },
    };

    [Fact]
    public async Task ApiResponseCall_Succeeds_AndIsRecordedWithTheTokenRedacted()
    {
        await using var server = await StartServerAsync();
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history);
        IPlacesApi api = RestService.For<IPlacesApi>(new HttpClient { BaseAddress = server.BaseAddress });

        NodeResult<Place> result = await runtime.SendAsync(api, s_lookup, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("Lyon", result.Body!.City);
        NodeHistoryRecord record = Assert.Single(history.Records);
        Assert.Equal(("LookupPlace", "GET", 200), (record.NodeName, record.Method, record.StatusCode));
        Assert.Equal(new Uri(server.BaseAddress, "places/c-1").ToString(), record.Url);
        Assert.Contains(record.RequestHeaders, h => h.Key == "Authorization" && h.Value == "***");
    }

    [Fact]
    public async Task MappedStatus_UnderContinue_IsAFailedResultWithTheMessage()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        IPlacesApi api = RestService.For<IPlacesApi>(new HttpClient { BaseAddress = server.BaseAddress });
        var node = new RefitNode<IPlacesApi, Place>("LookupMissing", (a, ct) => a.GetPlace("c-404", "t", ct))
        {
            ErrorMessages = new Dictionary<int, string> { [404] = "No such customer" },
        };

        var result = await runtime.SendAsync(api, node, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Failed, NodeErrorKind.Status, "404", "No such customer"), (result.Outcome, result.Error!.Kind, result.Error.Code, result.Error.Message));
    }

    [Fact]
    public async Task ThrowingCall_UnderAbort_ThrowsNodeAbortedException()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        IPlacesApi api = RestService.For<IPlacesApi>(new HttpClient { BaseAddress = server.BaseAddress });
        var node = new RefitNode<IPlacesApi, Place>("MustFind", (a, ct) => a.GetPlaceOrThrow("c-404", ct)) { OnFailure = FailureAction.Abort };

        var aborted = await Assert.ThrowsAsync<NodeAbortedException>(() => runtime.SendAsync(api, node, TestRuntime.Token));

        Assert.Equal(404, aborted.Result.StatusCode);
        Assert.Equal(NodeErrorKind.Status, aborted.Result.Error!.Kind);
    }

    [Fact]
    public async Task UnreadableBody_IsADeserializationFailure()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        IPlacesApi api = RestService.For<IPlacesApi>(new HttpClient { BaseAddress = server.BaseAddress });
        var node = new RefitNode<IPlacesApi, Place>("ReadBad", (a, ct) => a.GetPlace("bad-json", "t", ct));

        var result = await runtime.SendAsync(api, node, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Deserialization, result.Error!.Kind);
        Assert.Contains("Place", result.Error.Message);
    }

    [Fact]
    public async Task SlowCall_TimesOut_ThroughTheNodesToken()
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server);
        IPlacesApi api = RestService.For<IPlacesApi>(new HttpClient { BaseAddress = server.BaseAddress });
        var node = new RefitNode<IPlacesApi, Place>("Slow", (a, ct) => a.GetPlace("slow", "t", ct)) { Timeout = TimeSpan.FromSeconds(0.3) };

        var result = await runtime.SendAsync(api, node, TestRuntime.Token);

        Assert.Equal(NodeOutcome.TimedOut, result.Outcome);
        Assert.Equal(NodeErrorKind.Timeout, result.Error!.Kind);
    }
}
