using Microsoft.Extensions.Time.Testing;
using Refit;
using SdkNodes.Refit;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Resilience;

namespace SdkNodes.Tests.Refit;

/// <summary>A hand-written Refit interface over the scripted server.</summary>
public interface IScriptApi
{
    [Get("/s/{name}")]
    Task<IApiResponse<string>> Get(string name, CancellationToken cancellationToken);

    [Post("/s/{name}")]
    Task<IApiResponse<string>> Post(string name, CancellationToken cancellationToken);

    [Post("/s/{name}")]
    Task<IApiResponse<string>> PostWithKey(string name, [global::Refit.Header("Idempotency-Key")] string key, [global::Refit.Header("X-Api-Secret")] string secret, CancellationToken cancellationToken);
}

/// <summary>
/// The same resilience through a Refit call as through a generated node: the one execution
/// shell runs both (retries, Retry-After, idempotency keys, breaker, rate limit, runs).
/// </summary>
public sealed class RefitResilienceTests
{
    private static readonly RetrySettings s_noDelay = new() { Retries = 3, Delay = TimeSpan.Zero };

    private static (NodeRuntime Runtime, IScriptApi Api) Connect(ScriptedServer server, FakeTimeProvider time, InMemoryHistorySink? history = null)
    {
        var options = new NodeRuntimeOptions { TimeProvider = time };
        if (history is not null)
        {
            options.HistorySinks.Add(history);
        }

        return (new NodeRuntime(options), RestService.For<IScriptApi>(new HttpClient { BaseAddress = server.BaseAddress }));
    }

    private static RefitNode<IScriptApi, string> Get(string name, RetrySettings? retry = null) =>
        new($"Get_{name}", (api, ct) => api.Get(name, ct)) { Retry = retry ?? s_noDelay };

    [Fact]
    public async Task TwoServiceUnavailable_ThenOk_SucceedsAfterThreeAttempts()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("flaky", 503, 503, 200);
        var history = new InMemoryHistorySink();
        var (runtime, api) = Connect(server, time, history);
        using (runtime)
        {
            var result = await runtime.SendAsync(api, Get("flaky"), TestRuntime.Token);

            Assert.Equal((NodeOutcome.Succeeded, "answer 200"), (result.Outcome, result.Body));
            Assert.Equal([503, 503, 200], result.Attempts.Select(a => a.StatusCode ?? 0));
            Assert.Equal(3, server.RequestsFor("flaky").Count);
            Assert.Equal((3, "GET"), (Assert.Single(history.Records).Attempts, history.Records[0].Method));
        }
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfterTwoSeconds_WaitsTwoSecondsOfTheRuntimesClock()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("quota", new ScriptedAnswer(429, RetryAfter: "2"), 200);
        var (runtime, api) = Connect(server, time);
        using (runtime)
        {
            DateTimeOffset start = time.GetUtcNow();
            var sending = runtime.SendAsync(api, Get("quota", new RetrySettings { Retries = 2, Delay = TimeSpan.FromSeconds(0.5), UseJitter = false }), TestRuntime.Token);
            await server.WaitForRequestsAsync("quota", 1);
            await Task.Delay(100, TestRuntime.Token);
            time.Advance(TimeSpan.FromSeconds(1.9));
            await Task.Delay(200, TestRuntime.Token);
            Assert.Single(server.RequestsFor("quota"));
            time.Advance(TimeSpan.FromSeconds(0.1));
            var result = await sending;

            Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
            Assert.Equal([start, start + TimeSpan.FromSeconds(2)], server.ArrivalsFor("quota"));
            Assert.Equal(TimeSpan.FromSeconds(2), result.Attempts[1].Delay);
        }
    }

    [Fact]
    public async Task RetryAfterLongerThanMaxDelay_FailsAtOnce_NamingTheSecondsAsked()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("later", new ScriptedAnswer(503, RetryAfter: "3600"), 200);
        var (runtime, api) = Connect(server, time);
        using (runtime)
        {
            var result = await runtime.SendAsync(api, Get("later"), TestRuntime.Token);

            Assert.Equal((NodeOutcome.Failed, "503"), (result.Outcome, result.Error!.Code));
            Assert.Contains("3600 s", result.Error.Message);
            Assert.Single(server.RequestsFor("later"));
        }
    }

    [Fact]
    public async Task PostWithoutIdempotencyKey_IsSentOnce()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("orders", 503, 200);
        var (runtime, api) = Connect(server, time);
        using (runtime)
        {
            var node = new RefitNode<IScriptApi, string>("PostOrder", (a, ct) => a.Post("orders", ct)) { Retry = s_noDelay };

            var result = await runtime.SendAsync(api, node, TestRuntime.Token);

            Assert.Equal((NodeOutcome.Failed, 1), (result.Outcome, result.Attempts.Count));
            Assert.Single(server.RequestsFor("orders"));
        }
    }

    [Fact]
    public async Task PostWithKey_SendsTheSameKeyOnEveryAttempt_AndAgainWhenTheRunIsExecutedAgain()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("pay", 503, 503, 200, 200);
        var history = new InMemoryHistorySink();
        var (runtime, api) = Connect(server, time, history);
        using (runtime)
        {
            var node = new RefitNode<IScriptApi, string>("Pay", (a, call, ct) => a.PostWithKey("pay", call.IdempotencyKey!, "s3cret-value", ct))
            {
                Retry = s_noDelay,
                IdempotencyKeyHeader = "Idempotency-Key",
                SecretHeaders = ["X-Api-Secret"],
            };

            await using (WorkflowRun run = runtime.StartRun("payment", "run-pay-1"))
            {
                var result = await run.SendAsync(api, node, TestRuntime.Token);
                Assert.Equal((NodeOutcome.Succeeded, 3), (result.Outcome, result.Attempts.Count));
            }

            await using (WorkflowRun again = runtime.StartRun("payment", "run-pay-1"))
            {
                await again.SendAsync(api, node, TestRuntime.Token);
            }

            string?[] keys = [.. server.RequestsFor("pay").Select(r => r.Header("Idempotency-Key"))];
            Assert.Equal(4, keys.Length);
            Assert.Matches("^[0-9a-f]{32}$", keys[0]);
            Assert.All(keys, key => Assert.Equal(keys[0], key));
            Assert.All(history.Records, r => Assert.Equal("run-pay-1", r.RunId));
            Assert.All(history.Records, r => Assert.Contains(r.RequestHeaders, h => h.Key == "X-Api-Secret" && h.Value == "***"));
        }
    }

    [Fact]
    public async Task BreakerOpens_ThenNoRequestReachesTheServer()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("broken", 500);
        var (runtime, api) = Connect(server, time);
        using (runtime)
        {
            var node = new RefitNode<IScriptApi, string>("Broken", (a, ct) => a.Get("broken", ct))
            {
                CircuitBreaker = new CircuitBreakerSettings { MinimumThroughput = 2 },
            };

            await runtime.SendAsync(api, node, TestRuntime.Token);
            await runtime.SendAsync(api, node, TestRuntime.Token);
            var refused = await runtime.SendAsync(api, node, TestRuntime.Token);

            Assert.Equal(NodeErrorKind.CircuitOpen, refused.Error!.Kind);
            Assert.Equal(2, server.RequestsFor("broken").Count);
        }
    }

    [Fact]
    public async Task TenCalls_UnderTwoPerSecond_SpreadOverAtLeastFourSeconds()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("limited", 200);
        var (runtime, api) = Connect(server, time);
        using (runtime)
        {
            var node = new RefitNode<IScriptApi, string>("Limited", (a, ct) => a.Get("limited", ct))
            {
                RateLimit = new RateLimitSettings { Permits = 2, Window = TimeSpan.FromSeconds(1) },
            };

            Task<NodeResult<string>>[] calls = [.. Enumerable.Range(0, 10).Select(_ => runtime.SendAsync(api, node, TestRuntime.Token))];
            for (int second = 1; second <= 4; second++)
            {
                await server.WaitForRequestsAsync("limited", 2 * second);
                await Task.Delay(50, TestRuntime.Token);
                Assert.Equal(2 * second, server.RequestsFor("limited").Count);
                time.Advance(TimeSpan.FromSeconds(1));
            }

            NodeResult<string>[] results = await Task.WhenAll(calls);

            Assert.All(results, r => Assert.Equal(NodeOutcome.Succeeded, r.Outcome));
            IReadOnlyList<DateTimeOffset> arrivals = server.ArrivalsFor("limited");
            Assert.True(arrivals.Max() - arrivals.Min() >= TimeSpan.FromSeconds(4));
        }
    }

    [Fact]
    public async Task InARun_AnAbortFailure_EndsTheRunInsteadOfThrowing_AndTheRunIdIsRecorded()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("fatal", 500);
        server.Script("next", 200);
        var history = new InMemoryHistorySink();
        var (runtime, api) = Connect(server, time, history);
        using (runtime)
        {
            var fatal = new RefitNode<IScriptApi, string>("Fatal", (a, ct) => a.Get("fatal", ct)) { OnFailure = FailureAction.Abort };
            await using WorkflowRun run = runtime.StartRun("refit-run");

            var failed = await run.SendAsync(api, fatal, TestRuntime.Token);
            var next = await run.SendAsync(api, Get("next"), TestRuntime.Token);

            Assert.Equal(NodeOutcome.Failed, failed.Outcome);
            Assert.Equal("Fatal", run.AbortedBy);
            Assert.Equal(NodeOutcome.NotExecuted, next.Outcome);
            Assert.Empty(server.RequestsFor("next"));
            Assert.All(history.Records, r => Assert.Equal(run.Id, r.RunId));
        }
    }

    [Fact]
    public async Task BodyErrorCode_IsCheckedOnTheRefitPathToo()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/s/{name}", () =>
                Microsoft.AspNetCore.Http.Results.Text("{\"error_code\":10001,\"reason\":\"Key expired\"}", "application/json")));
        using var runtime = TestRuntime.For(server);
        IScriptApi api = RestService.For<IScriptApi>(new HttpClient { BaseAddress = server.BaseAddress });
        var node = new RefitNode<IScriptApi, string>("Coded", (a, ct) => a.Get("coded", ct))
        {
            ErrorCodeField = ErrorCodeField.FromPointer("/error_code", success: "0", messagePointer: "/reason"),
        };

        var result = await runtime.SendAsync(api, node, TestRuntime.Token);

        Assert.Equal((NodeOutcome.Failed, NodeErrorKind.ErrorCode, "10001", "Key expired"), (result.Outcome, result.Error!.Kind, result.Error.Code, result.Error.Message));
    }

    [Fact]
    public async Task ACallWithNoAnswer_IsRetriedAsAGet_ButNotAsAPostWithoutKey()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync(time);
        server.Script("dropped-get", new ScriptedAnswer(0, Drop: true), 200);
        server.Script("dropped-post", new ScriptedAnswer(0, Drop: true), 200);
        var history = new InMemoryHistorySink();
        var (runtime, api) = Connect(server, time, history);
        using (runtime)
        {
            var get = await runtime.SendAsync(api, Get("dropped-get"), TestRuntime.Token);
            var post = await runtime.SendAsync(api, new RefitNode<IScriptApi, string>("PostDropped", (a, ct) => a.Post("dropped-post", ct)) { Retry = s_noDelay }, TestRuntime.Token);

            Assert.Equal((NodeOutcome.Succeeded, 2), (get.Outcome, get.Attempts.Count));
            Assert.Null(get.Attempts[0].StatusCode);
            Assert.Equal((NodeOutcome.Failed, 1), (post.Outcome, post.Attempts.Count));
            Assert.Contains(post.Error!.Kind, new[] { NodeErrorKind.Protocol, NodeErrorKind.Connection });
            Assert.Single(server.RequestsFor("dropped-post"));
            Assert.Equal(("POST", new Uri(server.BaseAddress, "s/dropped-post").ToString()), (history.Records[^1].Method, history.Records[^1].Url));
        }
    }
}
