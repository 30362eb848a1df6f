using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace SdkNodes.Tests.Resilience;

/// <summary>
/// The sliding-window limiter on a fake clock: at most Permits grants in any window, waiters let
/// in first come first served as grants leave the window, and cancellation, a full line and
/// disposal that neither lose nor double-grant a permit.
/// </summary>
public sealed class SlidingWindowRateLimiterTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task TenAcquiresAtOnce_WithTwoPermitsPerSecond_AreGrantedTwoASecond()
    {
        var time = new FakeTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        using var limiter = Create(time, permits: 2, window: TimeSpan.FromSeconds(1));

        Task<RateLimitLease>[] acquires = Enumerable.Range(0, 10).Select(_ => limiter.AcquireAsync(cancellationToken: TestContext.Current.CancellationToken).AsTask()).ToArray();
        double?[] grantedAt = GrantTimes(acquires, time, start, steps: 50);

        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 4, 4], grantedAt);
        foreach (Task<RateLimitLease> acquire in acquires)
        {
            Assert.True((await acquire).IsAcquired);
        }
    }

    [Fact]
    public async Task TheWindowSlides_AGrantAtOnePointFiveWaitsForTheGrantAtPointNineToLeave()
    {
        var time = new FakeTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        using var limiter = Create(time, permits: 2, window: TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(0.9));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromSeconds(0.5));

        // A fixed window starting at 1.0 s would have room here; the last second holds two grants.
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        Task<RateLimitLease> third = limiter.AcquireAsync(cancellationToken: TestContext.Current.CancellationToken).AsTask();
        double?[] grantedAt = GrantTimes([third], time, start, steps: 10);

        Assert.Equal([1.9], grantedAt);
        Assert.True((await third).IsAcquired);
    }

    [Fact]
    public void AttemptAcquire_NeverWaits_AndFailsUntilTheOldestGrantLeavesTheWindow()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, permits: 1, window: TimeSpan.FromSeconds(1));

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire(0).IsAcquired);
        time.Advance(TimeSpan.FromSeconds(0.999));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(limiter.AttemptAcquire(0).IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire(0).IsAcquired);
        RateLimiterStatistics statistics = limiter.GetStatistics()!;
        Assert.Equal(0, statistics.CurrentAvailablePermits);
        Assert.Equal(3, statistics.TotalSuccessfulLeases);
        Assert.Equal(4, statistics.TotalFailedLeases);
    }

    [Fact]
    public void AttemptAcquire_DoesNotOvertakeAWaiter()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, permits: 1, window: TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Task<RateLimitLease> waiter = limiter.AcquireAsync(cancellationToken: TestContext.Current.CancellationToken).AsTask();

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(waiter.IsCompletedSuccessfully);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task WithQueueLimitOne_TheSecondWaiterFailsAtOnce_WithQueueFullAsTheReason()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, permits: 1, window: TimeSpan.FromSeconds(1), queueLimit: 1);
        CancellationToken token = TestContext.Current.CancellationToken;
        Assert.True((await limiter.AcquireAsync(cancellationToken: token)).IsAcquired);

        ValueTask<RateLimitLease> first = limiter.AcquireAsync(cancellationToken: token);
        ValueTask<RateLimitLease> second = limiter.AcquireAsync(cancellationToken: token);

        Assert.False(first.IsCompleted);
        Assert.True(second.IsCompleted);
        RateLimitLease rejected = await second;
        Assert.False(rejected.IsAcquired);
        Assert.True(rejected.TryGetMetadata(MetadataName.ReasonPhrase, out string? reason));
        Assert.Equal("queue full", reason);
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await first).IsAcquired);
    }

    [Fact]
    public async Task ACancelledWaiter_LeavesTheLine_AndTheOneBehindItGetsThePermitOnTime()
    {
        var time = new FakeTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        using var limiter = Create(time, permits: 1, window: TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var cancel = new CancellationTokenSource();
        Task<RateLimitLease> cancelled = limiter.AcquireAsync(cancellationToken: cancel.Token).AsTask();
        Task<RateLimitLease> behind = limiter.AcquireAsync(cancellationToken: TestContext.Current.CancellationToken).AsTask();

        time.Advance(TimeSpan.FromSeconds(0.5));
        await cancel.CancelAsync();

        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        OperationCanceledException thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(cancel.Token, thrown.CancellationToken);
        Assert.Equal([1.0], GrantTimes([behind], time, start, steps: 5));
        Assert.True((await behind).IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task AnAlreadyCancelledToken_IsCancelledAtOnce_WhenTheCallerWouldHaveToWait()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, permits: 1, window: TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);

        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await limiter.AcquireAsync(cancellationToken: cancel.Token));
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public async Task AcquireAsyncForZero_WaitsUntilAPermitIsFree_AndTakesNone()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, permits: 1, window: TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);

        Task<RateLimitLease> probe = limiter.AcquireAsync(0, TestContext.Current.CancellationToken).AsTask();
        Assert.False(probe.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await probe).IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void MoreThanOnePermitPerRequest_IsRejected()
    {
        using var limiter = Create(new FakeTimeProvider(), permits: 5, window: TimeSpan.FromSeconds(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AcquireAsync(2, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Dispose_FailsTheWaiters_AndLaterAcquiresThrow()
    {
        var time = new FakeTimeProvider();
        var limiter = Create(time, permits: 1, window: TimeSpan.FromSeconds(1));
        CancellationToken token = TestContext.Current.CancellationToken;
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Task<RateLimitLease> first = limiter.AcquireAsync(cancellationToken: token).AsTask();
        Task<RateLimitLease> second = limiter.AcquireAsync(cancellationToken: token).AsTask();

        limiter.Dispose();

        Assert.False((await first).IsAcquired);
        Assert.False((await second).IsAcquired);
        Assert.Throws<ObjectDisposedException>(() => limiter.AttemptAcquire());
        Assert.Throws<ObjectDisposedException>(() => limiter.AcquireAsync(cancellationToken: token));

        // The timer is gone with the limiter: time passing grants nobody and throws nothing.
        time.Advance(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DisposeAsync_FailsTheWaitersToo()
    {
        var time = new FakeTimeProvider();
        var limiter = Create(time, permits: 1, window: TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Task<RateLimitLease> waiter = limiter.AcquireAsync(cancellationToken: TestContext.Current.CancellationToken).AsTask();

        await limiter.DisposeAsync();

        Assert.False((await waiter).IsAcquired);
    }

    [Fact]
    public void IdleDuration_IsNullWhileAGrantIsInTheWindow_ThenCountsFromWhenItLeft()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, permits: 2, window: TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), limiter.IdleDuration);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.Null(limiter.IdleDuration);
        time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.Equal(TimeSpan.FromSeconds(0.5), limiter.IdleDuration);
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task TheFastPath_AllocatesNothing_OnceTheLogHasGrown()
    {
        var time = new FakeTimeProvider();
        using var limiter = Create(time, permits: 100, window: TimeSpan.FromSeconds(1));
        CancellationToken token = TestContext.Current.CancellationToken;

        // The first window grows the log to Permits entries; later windows reuse it.
        for (int i = 0; i < 100; i++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
            Assert.True((await limiter.AcquireAsync(cancellationToken: token)).IsAcquired);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task TwoHundredConcurrentAcquires_NeverExceedFivePerSecond_AndAllAreGranted()
    {
        var time = new FakeTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        using var limiter = Create(time, permits: 5, window: TimeSpan.FromSeconds(1));
        const int Callers = 200;
        var acquires = new Task<RateLimitLease>?[Callers];
        var grantedAt = new DateTimeOffset?[Callers];

        // The clock moves only under the write side, acquires call in under the read side: a
        // grant's time is then read at the very fake moment it happened, whichever way it came.
        using var clock = new ReaderWriterLockSlim();
        Task[] callers = Enumerable.Range(0, Callers).Select(i => Task.Run(() =>
        {
            clock.EnterReadLock();
            try
            {
                Task<RateLimitLease> acquire = limiter.AcquireAsync().AsTask();
                if (acquire.IsCompleted)
                {
                    grantedAt[i] = time.GetUtcNow();
                }

                Volatile.Write(ref acquires[i], acquire);
            }
            finally
            {
                clock.ExitReadLock();
            }
        })).ToArray();

        // 200 grants at 5 a second take 40 s; the callers arrive while the clock moves.
        for (int step = 0; step < 600 && grantedAt.Any(t => t is null); step++)
        {
            clock.EnterWriteLock();
            try
            {
                time.Advance(Step);
                for (int i = 0; i < Callers; i++)
                {
                    if (grantedAt[i] is null && Volatile.Read(ref acquires[i]) is { IsCompleted: true })
                    {
                        grantedAt[i] = time.GetUtcNow();
                    }
                }
            }
            finally
            {
                clock.ExitWriteLock();
            }

            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(callers);
        Assert.All(grantedAt, t => Assert.NotNull(t));
        foreach (Task<RateLimitLease>? acquire in acquires)
        {
            Assert.True((await acquire!).IsAcquired);
        }

        TimeSpan[] sorted = grantedAt.Select(t => t!.Value - start).Order().ToArray();
        for (int i = 5; i < sorted.Length; i++)
        {
            Assert.True(sorted[i] - sorted[i - 5] >= TimeSpan.FromSeconds(1), $"grants {i - 5} and {i} at {sorted[i - 5]} and {sorted[i]}: six in one second");
        }

        Assert.True(sorted[^1] >= TimeSpan.FromSeconds(39));
    }

    [Fact]
    public async Task CancellingWaitersAsTheTimerFires_NeitherLosesNorDoublesAPermit()
    {
        CancellationToken testToken = TestContext.Current.CancellationToken;
        for (int round = 0; round < 50; round++)
        {
            var time = new FakeTimeProvider();
            using var limiter = Create(time, permits: 1, window: TimeSpan.FromSeconds(1));
            Assert.True(limiter.AttemptAcquire().IsAcquired);
            var cancels = Enumerable.Range(0, 4).Select(_ => new CancellationTokenSource()).ToArray();
            Task<RateLimitLease>[] waiters = cancels.Select(c => limiter.AcquireAsync(cancellationToken: c.Token).AsTask()).ToArray();

            // The permit frees up at 1 s while every waiter is being cancelled.
            time.Advance(TimeSpan.FromSeconds(0.999));
            Task cancelling = Task.Run(() => Array.ForEach(cancels, c => c.Cancel()), testToken);
            time.Advance(TimeSpan.FromMilliseconds(1));
            await cancelling;
            await Task.WhenAll(waiters.Select(w => w.ContinueWith(_ => { }, testToken, TaskContinuationOptions.None, TaskScheduler.Default)));

            // At most one waiter got the permit; if none did, it is still free for the next caller.
            int granted = waiters.Count(w => w.IsCompletedSuccessfully && w.Result.IsAcquired);
            Assert.True(waiters.All(w => w.IsCanceled || (w.IsCompletedSuccessfully && w.Result.IsAcquired)));
            Assert.InRange(granted, 0, 1);
            Assert.Equal(granted == 0, limiter.AttemptAcquire().IsAcquired);
            Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
            foreach (CancellationTokenSource c in cancels)
            {
                c.Dispose();
            }
        }
    }

    private static SlidingWindowRateLimiter Create(TimeProvider time, int permits, TimeSpan window, int queueLimit = RateLimitSettings.DefaultQueueLimit) =>
        new(new RateLimitSettings { Permits = permits, Window = window, QueueLimit = queueLimit }, time);

    /// <summary>
    /// Moves the clock <paramref name="steps"/> steps of 100 ms and returns, in seconds since
    /// <paramref name="start"/>, when each acquire completed (null if it did not). A grant
    /// completes its task inside the timer callback, that is inside Advance, so checking after each
    /// step reads the exact fake time; only continuations run later.
    /// </summary>
    private static double?[] GrantTimes(Task<RateLimitLease>[] acquires, FakeTimeProvider time, DateTimeOffset start, int steps)
    {
        var grantedAt = new double?[acquires.Length];
        for (int step = 0; ; step++)
        {
            for (int i = 0; i < acquires.Length; i++)
            {
                if (grantedAt[i] is null && acquires[i].IsCompleted)
                {
                    grantedAt[i] = Math.Round((time.GetUtcNow() - start).TotalSeconds, 3);
                }
            }

            if (step == steps)
            {
                return grantedAt;
            }

            time.Advance(Step);
        }
    }
}
