using Microsoft.AspNetCore.Http;

namespace SdkNodes.Tests.Infrastructure;

/// <summary>
/// A route that holds its answer: it signals <see cref="Arrived"/> when a request comes in, then
/// waits until the test calls <see cref="Release"/> or the client gives up on the request.
/// As a safety net it never holds longer than <see cref="MaxHold"/> of real time, and then
/// answers 504, so a client that fails to give up makes its test fail instead of hang.
/// </summary>
public sealed class HeldResponse(Func<HttpContext, IResult>? answer = null)
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The longest a request is held, in real time.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(10);

    /// <summary>Completes when the request has reached the route.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Lets the route answer.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>The route handler, for <c>app.MapGet(pattern, held.Route)</c>.</summary>
    public Delegate Route => (Func<HttpContext, Task<IResult>>)HandleAsync;

    // Waits, then answers as given, or 200 with {"ok":true}.
    private async Task<IResult> HandleAsync(HttpContext context)
    {
        _arrived.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(MaxHold, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            return Results.Text("held for too long: the client did not give up", statusCode: StatusCodes.Status504GatewayTimeout);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (timeout or cancellation): nobody reads this answer.
        }

        return answer is null ? Results.Json(new { ok = true }) : answer(context);
    }

    /// <summary>Waits for the request to arrive, failing the test rather than hanging when it never does.</summary>
    public Task WaitUntilArrivedAsync() => Arrived.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
}
