using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// The exchange timeout: a token that is cancelled when the node's timeout passes on the
/// runtime's <see cref="TimeProvider"/>, or when the caller's token is. Built the way Polly v8's
/// timeout strategy builds it (sources pooled on the system clock, a new timer-backed source on
/// any other clock, the caller's token linked by a registration that is awaited away before the
/// source is reused), without running a resilience pipeline around every exchange.
/// </summary>
/// <remarks>
/// Polly's pipeline cost about 0.1-0.15 µs more per call than this (generic virtual dispatch
/// through its components and its own async layers), 3 % of a small request, which kept small
/// requests above issue 7's 1.10× of hand-written HttpClient code; it gave nothing else here.
/// </remarks>
internal sealed class TimeoutTokens : IDisposable
{
    private readonly TimeProvider _time;

    // Only system-clock sources are pooled: CancelAfter re-arms their timer. A source made on
    // another clock (FakeTimeProvider in tests) is used once.
    private readonly ConcurrentQueue<CancellationTokenSource>? _pool;

    public TimeoutTokens(TimeProvider time)
    {
        _time = time;
        _pool = time == TimeProvider.System ? new ConcurrentQueue<CancellationTokenSource>() : null;
    }

    /// <summary>Starts a timeout of <paramref name="timeout"/> (infinite for none), linked to <paramref name="callerToken"/>.</summary>
    public RunningTimeout Start(TimeSpan timeout, CancellationToken callerToken)
    {
        CancellationTokenSource source;
        if (_pool is null)
        {
            source = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout, _time);
        }
        else
        {
            if (!_pool.TryDequeue(out source!))
            {
                source = new CancellationTokenSource();
            }

            if (timeout != Timeout.InfiniteTimeSpan)
            {
                source.CancelAfter(timeout);
            }
        }

        CancellationTokenRegistration link = callerToken.CanBeCanceled
            ? callerToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source)
            : default;
        return new RunningTimeout(source, link, callerToken.CanBeCanceled);
    }

    /// <summary>Stops the timeout and keeps its source for the next exchange when it can be reused.</summary>
    public ValueTask StopAsync(RunningTimeout running)
    {
        if (!running.IsLinked)
        {
            Recycle(running.Source);
            return default;
        }

        return UnlinkAndRecycleAsync(running);
    }

    private async ValueTask UnlinkAndRecycleAsync(RunningTimeout running)
    {
        // Awaited: the caller's cancellation may be running right now, and must not cancel the
        // source after another exchange took it from the pool.
        await running.Link.DisposeAsync().ConfigureAwait(false);
        Recycle(running.Source);
    }

    private void Recycle(CancellationTokenSource source)
    {
        if (_pool is not null && source.TryReset())
        {
            _pool.Enqueue(source);
        }
        else
        {
            source.Dispose();
        }
    }

    public void Dispose()
    {
        while (_pool?.TryDequeue(out CancellationTokenSource? source) == true)
        {
            source.Dispose();
        }
    }
}

/// <summary>A started timeout: its token, and whether it is the timeout (not the caller) that cancelled it.</summary>
internal readonly struct RunningTimeout(CancellationTokenSource source, CancellationTokenRegistration link, bool isLinked)
{
    public CancellationTokenSource Source { get; } = source;

    /// <summary>The registration that cancels <see cref="Source"/> with the caller's token.</summary>
    public CancellationTokenRegistration Link { get; } = link;

    /// <summary>False when the caller's token cannot be cancelled, so there is no <see cref="Link"/>.</summary>
    public bool IsLinked { get; } = isLinked;

    /// <summary>The token the exchange runs under.</summary>
    public CancellationToken Token => Source.Token;

    /// <summary>True when the timeout passed: the token was cancelled and the caller's was not.</summary>
    public bool HasExpired(CancellationToken callerToken) => Source.IsCancellationRequested && !callerToken.IsCancellationRequested;
}
