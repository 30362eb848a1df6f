using Microsoft.Extensions.Time.Testing;

namespace SdkNodes.Tests.Timeouts;

/// <summary>The exchange timeout's tokens: expiry told apart from the caller's cancellation, and pooled sources that never carry one exchange's cancellation into the next.</summary>
public sealed class TimeoutTokensTests
{
    [Fact]
    public async Task OnAFakeClock_TheTokenIsCancelledWhenTheTimeoutPasses_AndThatIsExpiry()
    {
        var time = new FakeTimeProvider();
        using var timeouts = new TimeoutTokens(time);
        RunningTimeout running = timeouts.Start(TimeSpan.FromSeconds(10), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(running.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.True(running.Token.IsCancellationRequested);
        Assert.True(running.HasExpired(CancellationToken.None));
        await timeouts.StopAsync(running);
    }

    [Fact]
    public async Task TheCallersCancellation_CancelsTheToken_ButIsNotExpiry()
    {
        using var timeouts = new TimeoutTokens(TimeProvider.System);
        using var caller = new CancellationTokenSource();
        RunningTimeout running = timeouts.Start(TimeSpan.FromMinutes(5), caller.Token);

        await caller.CancelAsync();

        Assert.True(running.Token.IsCancellationRequested);
        Assert.False(running.HasExpired(caller.Token));
        await timeouts.StopAsync(running);
    }

    [Fact]
    public async Task AfterACancelledExchange_TheNextOneGetsAFreshToken()
    {
        using var timeouts = new TimeoutTokens(TimeProvider.System);
        using var caller = new CancellationTokenSource();
        RunningTimeout first = timeouts.Start(TimeSpan.FromMinutes(5), caller.Token);
        await caller.CancelAsync();
        await timeouts.StopAsync(first);

        RunningTimeout second = timeouts.Start(TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.NotSame(first.Source, second.Source);
        Assert.False(second.Token.IsCancellationRequested);
        await timeouts.StopAsync(second);
    }

    [Fact]
    public async Task AfterACompletedExchange_ItsSourceIsReused_DisarmedUntilStartedAgain()
    {
        using var timeouts = new TimeoutTokens(TimeProvider.System);
        using var caller = new CancellationTokenSource();
        RunningTimeout first = timeouts.Start(TimeSpan.FromMilliseconds(500), caller.Token);
        await timeouts.StopAsync(first);

        // Neither the old timer nor the old caller link reaches the reused source.
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        await caller.CancelAsync();
        RunningTimeout second = timeouts.Start(TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Same(first.Source, second.Source);
        Assert.False(second.Token.IsCancellationRequested);
        await timeouts.StopAsync(second);
    }
}
