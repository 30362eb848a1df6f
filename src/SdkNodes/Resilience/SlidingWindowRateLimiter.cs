using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace SdkNodes;

/// <summary>
/// A <see cref="RateLimitSettings"/> limiter: at most <see cref="RateLimitSettings.Permits"/>
/// leases in any <see cref="RateLimitSettings.Window"/>, measured on an injected
/// <see cref="TimeProvider"/> (the limiters in System.Threading.RateLimiting run on the system
/// clock only, so tests could not drive them with FakeTimeProvider).
/// </summary>
/// <remarks>
/// <para>
/// A sliding log, not a fixed or segmented window: the grant times still inside the window are
/// kept, and a grant is allowed while fewer than Permits of them are. A fixed window lets twice
/// the permits through around a window edge; a segmented one still lets through up to a
/// segment's worth too many.
/// </para>
/// <para>
/// Callers that must wait queue in order (FIFO; a newcomer never overtakes a waiter) up to
/// <see cref="RateLimitSettings.QueueLimit"/>. One timer, armed for the moment the oldest grant
/// leaves the window, lets waiters in. Leases give nothing back when disposed: permits come back
/// with time.
/// </para>
/// </remarks>
internal sealed partial class SlidingWindowRateLimiter : RateLimiter
{
    private static readonly RateLimitLease SuccessfulLease = new Lease(isAcquired: true, reason: null);
    private static readonly RateLimitLease FailedLease = new Lease(isAcquired: false, reason: null);
    private static readonly RateLimitLease QueueFullLease = new Lease(isAcquired: false, reason: "queue full");
    private static readonly RateLimitLease DisposedLease = new Lease(isAcquired: false, reason: "limiter disposed");

    private readonly TimeProvider _time;
    private readonly int _permits;
    private readonly int _queueLimit;

    // The window in the units of _time.GetTimestamp(), rounded up so a grant never leaves early.
    private readonly long _windowStamps;

    private readonly long _createdAt;
    private readonly ITimer _timer;

    // Guards every field below. Task completions run after it is released, so no caller's code
    // (or the runtime's continuation machinery) ever runs while it is held.
    private readonly Lock _lock = new();

    // Grant times still inside the window, oldest first; never more than _permits of them.
    private readonly Queue<long> _grants;

    // The newest grant ever made, for IdleDuration; meaningless while _hasGranted is false.
    private long _lastGrant;
    private bool _hasGranted;

    // Waiters, an intrusive doubly linked list so a cancelled waiter leaves it in O(1) without a
    // node allocation per waiter.
    private Waiter? _head;
    private Waiter? _tail;
    private int _queueCount;

    private long _successfulLeases;
    private long _failedLeases;
    private bool _disposed;

    public SlidingWindowRateLimiter(RateLimitSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        settings.Validate(nameof(RateLimitSettings));

        _time = time;
        _permits = settings.Permits;
        _queueLimit = settings.QueueLimit;

        // Int128: a day of 100 ns ticks times a 1 GHz timestamp frequency overflows a long.
        Int128 scaled = (Int128)settings.Window.Ticks * time.TimestampFrequency;
        _windowStamps = (long)((scaled + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);

        // Up to Permits entries over time; start small so a limiter with a large Permits that is
        // barely used costs little.
        _grants = new Queue<long>(Math.Min(_permits, 16));
        _createdAt = time.GetTimestamp();

        // The limiter is shared by runs; the timer must not keep whichever caller's ExecutionContext
        // (its Activity, its AsyncLocals) happened to create it alive, nor run waiters under it.
        bool restoreFlow = !ExecutionContext.IsFlowSuppressed();
        if (restoreFlow)
        {
            ExecutionContext.SuppressFlow();
        }

        try
        {
            _timer = time.CreateTimer(static s => ((SlidingWindowRateLimiter)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (restoreFlow)
            {
                ExecutionContext.RestoreFlow();
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Null while a grant is still inside the window or a caller waits; otherwise the time since
    /// the newest grant left the window (or since the limiter was made, when nothing was granted).
    /// </remarks>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                long now = _time.GetTimestamp();
                Prune(now);
                if (_queueCount > 0 || _grants.Count > 0)
                {
                    return null;
                }

                long idleSince = _hasGranted ? _lastGrant + _windowStamps : _createdAt;
                return now > idleSince ? _time.GetElapsedTime(idleSince, now) : TimeSpan.Zero;
            }
        }
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Prune(_time.GetTimestamp());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permits - _grants.Count,
                CurrentQueuedCount = _queueCount,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    /// <summary>Grants one permit now or fails at once; 0 asks whether one could be granted now, taking none.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ThrowIfUnsupported(permitCount);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return TryGrantNow(permitCount, _time.GetTimestamp()) ? SuccessfulLease : Fail(FailedLease);
        }
    }

    /// <summary>
    /// Grants one permit now when one is free and nobody waits; otherwise waits in line for one,
    /// or fails at once when the line is full. 0 waits until a permit could be granted, taking none.
    /// </summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ThrowIfUnsupported(permitCount);
        Waiter waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long now = _time.GetTimestamp();
            if (TryGrantNow(permitCount, now))
            {
                return new ValueTask<RateLimitLease>(SuccessfulLease);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
            }

            if (_queueCount >= _queueLimit)
            {
                return new ValueTask<RateLimitLease>(Fail(QueueFullLease));
            }

            waiter = new Waiter(this, permitCount);
            Enqueue(waiter);
            if (_queueCount == 1)
            {
                // The first waiter: the timer is not armed for this line yet. Later waiters find
                // it armed, and OnTimer re-arms it while any remain.
                ArmTimer(now);
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            // Registered outside the lock: a token cancelled meanwhile runs Cancel right here,
            // which takes the lock itself.
            CancellationTokenRegistration registration = cancellationToken.UnsafeRegister(
                static (s, token) => ((Waiter)s!).Limiter.Cancel((Waiter)s!, token), waiter);
            lock (_lock)
            {
                if (waiter.IsQueued)
                {
                    waiter.Registration = registration;
                    registration = default;
                }
            }

            // Still set only when the waiter already left the line (granted, cancelled or failed
            // by Dispose); nothing is left for the registration to cancel.
            registration.Unregister();
        }

        return new ValueTask<RateLimitLease>(waiter.Task);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        Waiter? failed;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            failed = _head;
            for (Waiter? w = _head; w is not null; w = w.Next)
            {
                w.IsQueued = false;
                _failedLeases++;
            }

            _head = _tail = null;
            _queueCount = 0;
        }

        _timer.Dispose();

        // RateLimiter.Dispose's documented contract: queued acquires complete with a failed lease.
        Complete(failed, DisposedLease);
    }

    protected override ValueTask DisposeAsyncCore()
    {
        // RateLimiter.DisposeAsync calls Dispose(false) after this; the work is all synchronous.
        Dispose(true);
        return default;
    }

    private static void ThrowIfUnsupported(int permitCount)
    {
        // RateLimiter itself rejects negative counts.
        if (permitCount > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "A sliding window rate limiter grants one permit per request (or 0 to ask).");
        }
    }

    /// <summary>Grants (or, for 0, reports) a permit at <paramref name="now"/> when one is free and nobody waits. Under the lock.</summary>
    private bool TryGrantNow(int permitCount, long now)
    {
        Prune(now);
        if (_head is not null || _grants.Count >= _permits)
        {
            return false;
        }

        if (permitCount == 1)
        {
            Record(now);
        }
        else
        {
            _successfulLeases++;
        }

        return true;
    }

    /// <summary>Forgets grants that left the window. Under the lock.</summary>
    private void Prune(long now)
    {
        while (_grants.TryPeek(out long oldest) && now - oldest >= _windowStamps)
        {
            _grants.Dequeue();
        }
    }

    /// <summary>Counts a grant made at <paramref name="now"/>. Under the lock.</summary>
    private void Record(long now)
    {
        _grants.Enqueue(now);
        _lastGrant = now;
        _hasGranted = true;
        _successfulLeases++;
    }

    private RateLimitLease Fail(RateLimitLease lease)
    {
        _failedLeases++;
        return lease;
    }

    /// <summary>Arms the timer for the moment the oldest grant leaves the window. Under the lock, with a waiter queued (so no permit is free).</summary>
    private void ArmTimer(long now)
    {
        long due = _grants.Peek() + _windowStamps;
        TimeSpan wait = _time.GetElapsedTime(now, due);

        // Rounded up to whole milliseconds, at least one: the system timer truncates to
        // milliseconds and would otherwise fire early and again and again until the slot is free.
        // A permit can come up to 1 ms late, never early.
        long ms = (wait.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        _timer.Change(TimeSpan.FromMilliseconds(Math.Max(ms, 1)), Timeout.InfiniteTimeSpan);
    }

    /// <summary>A slot may have freed up: lets in as many waiters as it may, in order, and re-arms for the rest.</summary>
    private void OnTimer()
    {
        Waiter? granted = null;
        Waiter? last = null;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            long now = _time.GetTimestamp();
            Prune(now);
            while (_head is { } next && _grants.Count < _permits)
            {
                Dequeue(next);
                if (next.Count == 1)
                {
                    Record(now);
                }
                else
                {
                    _successfulLeases++;
                }

                // Chained through Next (free now the waiter left the line) to complete them
                // after the lock, without a list allocation.
                if (last is null)
                {
                    granted = next;
                }
                else
                {
                    last.Next = next;
                }

                last = next;
            }

            if (_head is not null)
            {
                ArmTimer(now);
            }
        }

        Complete(granted, SuccessfulLease);
    }

    /// <summary>The waiter's token was cancelled: takes it out of the line unless it already left it.</summary>
    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (_lock)
        {
            // The lock decides between this and OnTimer or Dispose: whichever takes the waiter
            // out of the line completes it, so a permit is never both granted and lost.
            if (!waiter.IsQueued)
            {
                return;
            }

            Dequeue(waiter);

            // Nothing to re-arm: the timer stays armed for the oldest grant, and when it fires
            // with nobody left it simply stays quiet.
        }

        waiter.TrySetCanceled(token);
    }

    /// <summary>Completes a chain of waiters taken out of the line. Outside the lock.</summary>
    private static void Complete(Waiter? chain, RateLimitLease lease)
    {
        while (chain is not null)
        {
            Waiter? next = chain.Next;
            chain.Previous = chain.Next = null;
            chain.Registration.Unregister();
            chain.TrySetResult(lease);
            chain = next;
        }
    }

    private void Enqueue(Waiter waiter)
    {
        waiter.IsQueued = true;
        waiter.Previous = _tail;
        if (_tail is null)
        {
            _head = waiter;
        }
        else
        {
            _tail.Next = waiter;
        }

        _tail = waiter;
        _queueCount++;
    }

    private void Dequeue(Waiter waiter)
    {
        if (waiter.Previous is null)
        {
            _head = waiter.Next;
        }
        else
        {
            waiter.Previous.Next = waiter.Next;
        }

        if (waiter.Next is null)
        {
            _tail = waiter.Previous;
        }
        else
        {
            waiter.Next.Previous = waiter.Previous;
        }

        waiter.Previous = waiter.Next = null;
        waiter.IsQueued = false;
        _queueCount--;
    }
}
