using System.Net;
using System.Text;

namespace SdkNodes.Tests.Resilience;

/// <summary>
/// What a retried node's result, attempts and history show, whether the first attempt writes
/// into the execution's own result (no caller strategies) or into one of its own (with them).
/// </summary>
public sealed class RetriedExecutionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FirstAttemptSucceeds_OneAttempt_TheAnswerIsTheResults(bool callerStrategies)
    {
        using var handler = new ScriptedHandler(HttpStatusCode.OK);
        var history = new InMemoryHistorySink();
        using NodeRuntime runtime = Runtime(handler, history, callerStrategies);

        NodeResult<RetriedAnswer> result = await new RetriedLookup { Id = "1" }.SendAsync(runtime, TestContext.Current.CancellationToken);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("1", result.Body?.Id);
        Assert.Equal("yes", result.Headers["X-Answer"]);
        NodeAttempt attempt = Assert.Single(result.Attempts);
        Assert.Equal(1, attempt.Number);
        Assert.Equal(200, attempt.StatusCode);
        Assert.Null(attempt.ErrorKind);
        Assert.Equal(TimeSpan.Zero, attempt.Delay);
        Assert.True(attempt.StartedAt >= result.StartedAt);
        Assert.True(attempt.Elapsed <= result.Elapsed);
        Assert.Equal(1, Assert.Single(history.Records).Attempts);
        Assert.Empty(history.Records[0].AttemptLog);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FailedThenSucceeded_TheResultIsTheLastAttempts(bool callerStrategies)
    {
        using var handler = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        var history = new InMemoryHistorySink();
        using NodeRuntime runtime = Runtime(handler, history, callerStrategies);

        NodeResult<RetriedAnswer> result = await new RetriedLookup { Id = "2" }.SendAsync(runtime, TestContext.Current.CancellationToken);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Error);
        Assert.Equal("2", result.Body?.Id);
        Assert.Null(result.RawBody);
        Assert.Equal([1, 2], result.Attempts.Select(a => a.Number));
        Assert.Equal([503, 200], result.Attempts.Select(a => a.StatusCode));
        Assert.Equal(NodeErrorKind.Status, result.Attempts[0].ErrorKind);
        Assert.Null(result.Attempts[1].ErrorKind);
        NodeHistoryRecord record = Assert.Single(history.Records);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(result.Attempts, record.AttemptLog);
        Assert.Equal(200, record.StatusCode);
        Assert.Equal(NodeOutcome.Succeeded, record.Outcome);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryAttemptFails_TheResultIsTheLastFailure(bool callerStrategies)
    {
        using var handler = new ScriptedHandler(HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout);
        var history = new InMemoryHistorySink();
        using NodeRuntime runtime = Runtime(handler, history, callerStrategies);

        NodeResult<RetriedAnswer> result = await new RetriedLookup { Id = "3" }.SendAsync(runtime, TestContext.Current.CancellationToken);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(504, result.StatusCode);
        Assert.Equal(NodeErrorKind.Status, result.Error?.Kind);
        Assert.Null(result.Body);
        Assert.Contains("\"id\":\"3\"", result.RawBody, StringComparison.Ordinal);
        Assert.Equal([502, 503, 504], result.Attempts.Select(a => a.StatusCode));
        Assert.Equal(3, Assert.Single(history.Records).Attempts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CallerCancelsDuringTheFirstAttempt_TheHistoryShowsNoAnswer(bool callerStrategies)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var handler = new ScriptedHandler(HttpStatusCode.ServiceUnavailable) { AfterAnswer = cancel.Cancel };
        var history = new InMemoryHistorySink();
        using NodeRuntime runtime = Runtime(handler, history, callerStrategies);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RetriedLookup { Id = "4" }.SendAsync(runtime, cancel.Token));

        NodeHistoryRecord record = Assert.Single(history.Records);
        Assert.Equal(NodeOutcome.Cancelled, record.Outcome);
        Assert.Equal(NodeErrorKind.Cancelled, record.ErrorKind);
        Assert.Null(record.StatusCode);
        Assert.Equal(1, record.Attempts);
    }

    private static NodeRuntime Runtime(HttpMessageHandler handler, InMemoryHistorySink history, bool callerStrategies)
    {
        var options = new NodeRuntimeOptions { BaseAddress = new Uri("http://retried.example/") };
        options.HistorySinks.Add(history);
        if (callerStrategies)
        {
            // A hook that adds nothing: every attempt then gets a result of its own.
            options.ConfigureResilience = (_, _) => { };
        }

        return new NodeRuntime(options, handler);
    }

    /// <summary>Answers each request with the next status of its script (the last one repeated), echoing the id.</summary>
    private sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _calls;

        public Action? AfterAnswer { get; init; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int call = Interlocked.Increment(ref _calls);
            HttpStatusCode status = statuses[Math.Min(call, statuses.Length) - 1];
            string id = request.RequestUri!.Segments[^1];
            var answer = new HttpResponseMessage(status)
            {
                Content = new StringContent($"{{\"id\":\"{id}\"}}", Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
            answer.Headers.TryAddWithoutValidation("X-Answer", "yes");
            AfterAnswer?.Invoke();
            return Task.FromResult(answer);
        }
    }
}

public sealed record RetriedAnswer(string Id);

[ApiRequest("GET", "/retried/{id}")]
[Retry(2, Delay = 0)]
public sealed partial class RetriedLookup : IApiNode<RetriedAnswer>
{
    public required string Id { get; init; }
}
