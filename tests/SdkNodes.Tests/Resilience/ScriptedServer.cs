using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Resilience;

/// <summary>
/// One scripted answer: a status with an optional Retry-After or Location, a hold until the
/// client gives up, or a connection dropped before any answer.
/// </summary>
public sealed record ScriptedAnswer(int Status, string? RetryAfter = null, bool Hold = false, string? Location = null, bool Drop = false)
{
    public static implicit operator ScriptedAnswer(int status) => new(status);
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 that answers <c>/s/{name}</c> (any method) from a script
/// per name: each request takes the next answer, the last one repeats. It records when each
/// request arrived on the test's clock (a FakeTimeProvider shared with the runtime), and the
/// headers it carried.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> _scripts = new();
    private readonly ConcurrentDictionary<string, ScriptedAnswer> _last = new();
    private readonly ConcurrentQueue<(string Name, DateTimeOffset At, ReceivedRequest Request)> _arrivals = new();
    private readonly TimeProvider _time;
    private LoopbackServer _server = null!;

    private ScriptedServer(TimeProvider time) => _time = time;

    public Uri BaseAddress => _server.BaseAddress;

    public static async Task<ScriptedServer> StartAsync(TimeProvider time)
    {
        var scripted = new ScriptedServer(time);
        scripted._server = await LoopbackServer.StartAsync(app => app.Map("/s/{name}", (Func<HttpContext, string, Task<IResult>>)scripted.AnswerAsync));
        return scripted;
    }

    /// <summary>Sets the answers for <paramref name="name"/>, in order; the last repeats.</summary>
    public void Script(string name, params ScriptedAnswer[] answers)
    {
        _scripts[name] = new ConcurrentQueue<ScriptedAnswer>(answers);
        _last[name] = answers[^1];
    }

    /// <summary>The requests received for <paramref name="name"/>, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> RequestsFor(string name) => [.. _arrivals.Where(a => a.Name == name).Select(a => a.Request)];

    /// <summary>When each request for <paramref name="name"/> arrived, on the test's clock.</summary>
    public IReadOnlyList<DateTimeOffset> ArrivalsFor(string name) => [.. _arrivals.Where(a => a.Name == name).Select(a => a.At)];

    /// <summary>Waits (in real time, bounded by the test's token) until <paramref name="count"/> requests for <paramref name="name"/> arrived.</summary>
    public async Task WaitForRequestsAsync(string name, int count)
    {
        while (RequestsFor(name).Count < count)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> AnswerAsync(HttpContext context, string name)
    {
        _arrivals.Enqueue((name, _time.GetUtcNow(), await ReceivedRequest.ReadAsync(context)));
        ScriptedAnswer answer = _scripts.TryGetValue(name, out var script) && script.TryDequeue(out var next) ? next : _last.GetValueOrDefault(name, new ScriptedAnswer(200));
        if (answer.Hold)
        {
            await Task.Delay(HeldResponse.MaxHold, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }

        if (answer.Drop)
        {
            context.Abort();
            return Results.Empty;
        }

        if (answer.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return Results.Text($"answer {answer.Status}", "text/plain", statusCode: answer.Status);
    }
}
