using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace SdkNodes;

public sealed partial class NodeRuntime
{
    /// <summary>
    /// One attempt, for every node and every path: the node's timeout (covering the wait for a
    /// rate-limit permit, the breaker and the whole exchange), the exchange, and what a failure
    /// means. Writes into <paramref name="attempt"/> and returns the body. Only the caller's
    /// cancellation leaves as an exception.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T?> AttemptAsync<T, TExchange>(
        TExchange exchange, PreparedRequest prepared, NodeResult attempt, int number, string? idempotencyKey,
        NodeDescriptor descriptor, ResiliencePlan plan, CancellationToken cancellationToken)
        where TExchange : INodeExchange<T>
    {
        TimeSpan timeout = TimeoutFor(descriptor);
        RunningTimeout deadline = _timeouts.Start(timeout, cancellationToken);
        var guarded = plan.IsGuarded ? new GuardedAttempt<T, TExchange>(exchange, prepared, attempt, number, idempotencyKey, plan, timeout, deadline, cancellationToken) : null;
        try
        {
            if (guarded is null)
            {
                return await exchange.SendAsync(prepared, attempt, number, idempotencyKey, deadline.Token).ConfigureAwait(false);
            }

            return await guarded.RunAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever a handler throws (the caller's own pipeline included) is this node's
            // failure, never an escape: under Continue nothing leaves SendAsync, and the
            // history still gets its one record.
            attempt.Fail(DescribeAttemptFailure<T, TExchange>(ex, exchange, prepared, deadline, timeout, cancellationToken, permitWaited: guarded is { PermitAcquired: false } && plan.Limiter is not null));
            return default;
        }
        finally
        {
            await _timeouts.StopAsync(deadline).ConfigureAwait(false);
        }
    }

    // The one rule for what a failed attempt means.
    private static NodeError DescribeAttemptFailure<T, TExchange>(
        Exception ex, TExchange exchange, PreparedRequest prepared, RunningTimeout deadline, TimeSpan timeout, CancellationToken cancellationToken, bool permitWaited)
        where TExchange : INodeExchange<T>
    {
        if (ex is OperationCanceledException && deadline.HasExpired(cancellationToken))
        {
            return permitWaited
                ? new NodeError(NodeErrorKind.RateLimited, null, $"No permit of this node's rate limit came within its timeout of {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s, so nothing was sent.")
                : FailureMessages.Timeout(prepared.Target, timeout);
        }

        return ex switch
        {
            RateLimiterRejectedException => new NodeError(NodeErrorKind.RateLimited, null, "Too many calls are already waiting for this node's rate limit (its QueueLimit), so nothing was sent."),
            BrokenCircuitException broken => CircuitOpen(broken),
            _ => exchange.Describe(ex, prepared),
        };
    }

    private static NodeError CircuitOpen(BrokenCircuitException broken)
    {
        string when = broken.RetryAfter is { } after
            ? $"it lets a request through again in {Math.Max(after.TotalSeconds, 0).ToString("0.#", CultureInfo.InvariantCulture)} s"
            : "it lets a request through again when its break is over";
        return new NodeError(NodeErrorKind.CircuitOpen, null, $"The circuit breaker is open after repeated failures, so nothing was sent; {when}.");
    }

    /// <summary>
    /// The attempts of a node with resilience: through its Polly pipeline (the caller's
    /// strategies and the retry) when it has one; the last attempt's result becomes the
    /// execution's. Without strategies of the caller's, attempts never overlap, and the first
    /// is written into the execution's own result (the usual case: it succeeds, and no second
    /// result is made); otherwise, and for every later attempt, each gets a result of its own.
    /// </summary>
    private async Task ExecuteResilientAsync<T, TExchange>(
        NodeResult<T> result, long startTimestamp, NodeDescriptor descriptor, TExchange exchange, PreparedRequest prepared, string? idempotencyKey, ResiliencePlan plan, CancellationToken cancellationToken)
        where TExchange : INodeExchange<T>
    {
        var execution = new ResilientExecution<T, TExchange>(
            this, descriptor, exchange, prepared, idempotencyKey, plan, _resilience.HasCallerStrategies ? null : result, startTimestamp);
        try
        {
            if (plan.Pipeline is null)
            {
                TakeFinal(result, await execution.AttemptAsync(cancellationToken).ConfigureAwait(false));
                return;
            }

            if (!_resilience.HasCallerStrategies && plan.Retry is { } retry)
            {
                // The pipeline is the retry alone: the first attempt is made without it, and the
                // pipeline entered only when that attempt is to be retried (the usual first attempt
                // succeeds and never pays for Polly's context and strategy). The decision is the
                // retry's own (RetryRules.ShouldRetry, as its ShouldHandle calls it); a token already cancelled sends
                // nothing, as Polly would not call back. The pipeline's first call then gives this
                // attempt back instead of sending again, so its delays and count are unchanged.
                cancellationToken.ThrowIfCancellationRequested();
                NodeResult<T> first;
                try
                {
                    first = await execution.AttemptAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // What leaves is what the pipeline path throws: a new exception for the caller's token.
                    cancellationToken.ThrowIfCancellationRequested();
                    throw;
                }

                if (!RetryRules.ShouldRetry(retry, first, execution.Method, descriptor, _time))
                {
                    TakeFinal(result, first);
                    return;
                }

                execution.GiveBackFirst(first);
            }

            ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(NodePipelines.Execution, execution);
            try
            {
                Outcome<NodeResult> outcome = await plan.Pipeline.ExecuteOutcomeAsync(
                    // The context's token: a hedging strategy cancels the attempts it no longer needs.
                    static async (context, state) => Outcome.FromResult<NodeResult>(await state.AttemptAsync(context.CancellationToken).ConfigureAwait(false)),
                    context,
                    execution).ConfigureAwait(false);
                if (outcome.Exception is { } exception)
                {
                    execution.ForgetFirstAnswer();
                    cancellationToken.ThrowIfCancellationRequested();
                    result.Fail(exception is TimeoutRejectedException timedOut
                        ? FailureMessages.Timeout(prepared.Target, timedOut.Timeout)
                        : FailureMessages.FromException(exception, prepared.Target));
                }
                else
                {
                    TakeFinal(result, (NodeResult<T>)outcome.Result!);
                }
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        catch (OperationCanceledException)
        {
            // The execution's result shows no answer when the caller cancelled (as when every
            // attempt had a result of its own).
            execution.ForgetFirstAnswer();
            throw;
        }
        finally
        {
            result.SetAttempts(execution.Attempts);
        }
    }

    private static void TakeFinal<T>(NodeResult<T> result, NodeResult<T> last)
    {
        if (!ReferenceEquals(result, last))
        {
            result.TakeFrom(last);
        }
    }

    /// <summary>
    /// One execution through a resilience pipeline: counts its attempts and keeps their records.
    /// <c>shared</c> is the execution's own result, for the first attempt to write into; null
    /// when every attempt needs a result of its own (attempts may overlap).
    /// </summary>
    private sealed class ResilientExecution<T, TExchange>(
        NodeRuntime runtime, NodeDescriptor descriptor, TExchange exchange, PreparedRequest prepared, string? idempotencyKey, ResiliencePlan plan, NodeResult<T>? shared, long executionStart)
        : IRetriedExecution
        where TExchange : INodeExchange<T>
    {
        // The first attempt's record; a list only once there is a second (lock: this).
        private NodeAttempt? _first;
        private List<NodeAttempt>? _more;
        private int _count;
        private long _nextDelayTicks;
        private NodeResult<T>? _givenBack;

        public string Method => exchange.Method(prepared);

        public IReadOnlyList<NodeAttempt> Attempts
        {
            get
            {
                lock (this)
                {
                    if (_more is null)
                    {
                        return _first is null ? [] : [_first];
                    }

                    var all = new List<NodeAttempt>(_more.Count + 1);
                    if (_first is not null)
                    {
                        all.Add(_first);
                    }

                    all.AddRange(_more);
                    all.Sort(static (a, b) => a.Number.CompareTo(b.Number));
                    return all.ToArray();
                }
            }
        }

        public void WaitsBeforeNextAttempt(TimeSpan delay) => Interlocked.Exchange(ref _nextDelayTicks, delay.Ticks);

        /// <summary>
        /// Clears what the first attempt wrote into the execution's result (status, headers, body,
        /// error), so that a result that ends in an exception has no answer: the same as when the
        /// first attempt had a result of its own.
        /// </summary>
        public void ForgetFirstAnswer()
        {
            if (shared is not null && Volatile.Read(ref _count) > 0)
            {
                shared.TakeFrom(new NodeResult<T>(shared.NodeName, shared.StartedAt));
            }
        }

        /// <summary>The next call of <see cref="AttemptAsync"/> returns <paramref name="first"/> (made before the pipeline) instead of sending.</summary>
        public void GiveBackFirst(NodeResult<T> first) => _givenBack = first;

        public ValueTask<NodeResult<T>> AttemptAsync(CancellationToken attemptToken)
        {
            if (_givenBack is { } first)
            {
                _givenBack = null;
                return new ValueTask<NodeResult<T>>(first);
            }

            return SendAttemptAsync(attemptToken);
        }

        private async ValueTask<NodeResult<T>> SendAttemptAsync(CancellationToken attemptToken)
        {
            int number = Interlocked.Increment(ref _count);
            var delay = TimeSpan.FromTicks(Interlocked.Exchange(ref _nextDelayTicks, 0));
            // The first attempt written into the execution's result starts with it (its record then
            // includes the request's preparation, as a node without retry's does): two clock reads fewer.
            bool inExecution = number == 1 && shared is not null;
            long start = inExecution ? executionStart : runtime._time.GetTimestamp();
            DateTimeOffset startedAt = inExecution ? shared!.StartedAt : runtime._time.GetUtcNow();
            NodeResult<T> attempt = inExecution ? shared! : new NodeResult<T>(descriptor.Name, startedAt);
            TimeSpan elapsed = default;
            try
            {
                attempt.Body = await runtime.AttemptAsync<T, TExchange>(exchange, prepared, attempt, number, idempotencyKey, descriptor, plan, attemptToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The caller's cancellation, or a hedge that no longer needs this attempt.
                attempt.Fail(FailureMessages.Cancelled());
                throw;
            }
            finally
            {
                elapsed = runtime._time.GetElapsedTime(start);
                if (!ReferenceEquals(attempt, shared))
                {
                    attempt.Elapsed = elapsed;
                }

                Record(attempt, number, startedAt, elapsed, delay);
            }

            return attempt;
        }

        private void Record(NodeResult<T> attempt, int number, DateTimeOffset startedAt, TimeSpan elapsed, TimeSpan delay)
        {
            var record = new NodeAttempt
            {
                Number = number,
                StartedAt = startedAt,
                Elapsed = elapsed,
                StatusCode = attempt.StatusCode,
                ErrorKind = attempt.Error?.Kind,
                Message = attempt.Error?.Message,
                Delay = delay,
            };
            lock (this)
            {
                if (number == 1)
                {
                    _first = record;
                }
                else
                {
                    (_more ??= []).Add(record);
                }
            }
        }
    }

    /// <summary>
    /// An attempt that passes the node's rate limiter and circuit breaker (shared Polly
    /// pipelines) before its exchange. The exchange's own failures are described inside the
    /// breaker, so that the breaker counts timeouts and broken connections as failures.
    /// </summary>
    private sealed class GuardedAttempt<T, TExchange>(
        TExchange exchange, PreparedRequest prepared, NodeResult attempt, int number, string? idempotencyKey,
        ResiliencePlan plan, TimeSpan timeout, RunningTimeout deadline, CancellationToken cancellationToken)
        where TExchange : INodeExchange<T>
    {
        private T? _body;

        /// <summary>True once the limiter let the attempt through (a timeout before that is a rate-limit failure).</summary>
        public bool PermitAcquired { get; private set; }

        public async ValueTask<T?> RunAsync()
        {
            if (plan.Limiter is { } limiter)
            {
                await limiter.ExecuteAsync(static (self, _) => self.PassBreakerAsync(), this, deadline.Token).ConfigureAwait(false);
            }
            else
            {
                await PassBreakerAsync().ConfigureAwait(false);
            }

            return _body;
        }

        private async ValueTask PassBreakerAsync()
        {
            PermitAcquired = true;
            if (plan.Breaker is { } breaker)
            {
                await breaker.ExecuteAsync(static (self, _) => self.ExchangeAsync(), this, deadline.Token).ConfigureAwait(false);
            }
            else
            {
                await ExchangeAsync().ConfigureAwait(false);
            }
        }

        private async ValueTask<NodeResult> ExchangeAsync()
        {
            try
            {
                _body = await exchange.SendAsync(prepared, attempt, number, idempotencyKey, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                attempt.Fail(DescribeAttemptFailure<T, TExchange>(ex, exchange, prepared, deadline, timeout, cancellationToken, permitWaited: false));
            }

            return attempt;
        }
    }
}
