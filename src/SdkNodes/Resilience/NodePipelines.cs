using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;

namespace SdkNodes;

/// <summary>
/// Builds the Polly pipelines of a runtime's nodes, once each: per node, the caller's own
/// strategies (<see cref="NodeRuntimeOptions.ConfigureResilience"/>) and the retry; per key, one
/// rate limiter and one circuit breaker shared by every node and run of the runtime. All run on
/// the runtime's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class NodePipelines : IDisposable
{
    /// <summary>Where the retry's callbacks find the execution they retry.</summary>
    public static readonly ResiliencePropertyKey<IRetriedExecution> Execution = new("SdkNodes.Execution");

    private readonly TimeProvider _time;
    private readonly RetrySettings? _defaultRetry;
    private readonly Action<ResiliencePipelineBuilder<NodeResult>, NodeDescriptor>? _configure;

    // Weak keys: a Refit node's descriptor can be made per call; its pipeline goes with it.
    private readonly ConditionalWeakTable<NodeDescriptor, StrongBox<ResiliencePipeline<NodeResult>?>> _pipelines = new();
    private readonly ConcurrentDictionary<string, Lazy<ResiliencePipeline>> _limiters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ResiliencePipeline>> _breakers = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IDisposable> _owned = [];

    public NodePipelines(NodeRuntimeOptions options)
    {
        _time = options.TimeProvider;
        _defaultRetry = options.DefaultRetry;
        _configure = options.ConfigureResilience;
    }

    /// <summary>What runs around the attempts of <paramref name="descriptor"/>'s node, going to <paramref name="target"/>.</summary>
    public ResiliencePlan PlanFor(NodeDescriptor descriptor, Uri? target)
    {
        RetrySettings? retry = EffectiveRetry(descriptor);
        if (retry is null && _configure is null && descriptor.CircuitBreaker is null && descriptor.RateLimit is null)
        {
            return default;
        }

        ResiliencePipeline? limiter = null;
        if (descriptor.RateLimit is { } limit)
        {
            string key = KeyOf(limit.Key, target, descriptor);
            limiter = _limiters.GetOrAdd(key, static (_, state) => new Lazy<ResiliencePipeline>(() => state.Self.BuildLimiter(state.Limit)), (Self: this, Limit: limit)).Value;
        }

        ResiliencePipeline? breaker = null;
        string? breakerKey = null;
        if (descriptor.CircuitBreaker is { } breakerSettings)
        {
            breakerKey = KeyOf(breakerSettings.Key, target, descriptor);
            breaker = _breakers.GetOrAdd(breakerKey, static (_, state) => new Lazy<ResiliencePipeline>(() => state.Self.BuildBreaker(state.Settings)), (Self: this, Settings: breakerSettings)).Value;
        }

        ResiliencePipeline<NodeResult>? pipeline = retry is null && _configure is null ? null : PipelineFor(descriptor, retry);
        return new ResiliencePlan(pipeline, retry, limiter, breaker, breakerKey);
    }

    // Found without a closure. The closure that builds a pipeline lives in a method of its own,
    // called only on a miss: a lambda capturing `retry` makes its closure object when the method
    // that declares `retry` starts, so in PlanFor it was allocated on every call, for nodes
    // without resilience too.
    private ResiliencePipeline<NodeResult>? PipelineFor(NodeDescriptor descriptor, RetrySettings? retry)
        => _pipelines.TryGetValue(descriptor, out StrongBox<ResiliencePipeline<NodeResult>?>? built) ? built.Value : BuildOnce(descriptor, retry);

    private ResiliencePipeline<NodeResult>? BuildOnce(NodeDescriptor descriptor, RetrySettings? retry)
        => _pipelines.GetValue(descriptor, d => new StrongBox<ResiliencePipeline<NodeResult>?>(BuildPipeline(d, retry))).Value;

    /// <summary>
    /// True when the caller adds strategies of their own (<see cref="NodeRuntimeOptions.ConfigureResilience"/>):
    /// then attempts may overlap (a hedge) and each needs a result of its own.
    /// </summary>
    public bool HasCallerStrategies => _configure is not null;

    public void Dispose()
    {
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }
    }

    // The node's [Retry], else the runtime's default; none when it makes no retries, or when the
    // node's method may act twice and it sends no idempotency key.
    private RetrySettings? EffectiveRetry(NodeDescriptor descriptor)
    {
        RetrySettings? retry = descriptor.Retry ?? _defaultRetry;

        // An external call's method is known from its answer: each attempt is judged then.
        return retry is { Retries: > 0 } && (descriptor.Method == NodeDescriptor.UnknownMethod || RetryRules.MayRetry(descriptor.Method, descriptor)) ? retry : null;
    }

    // An explicit key, else the host and port the request goes to (a Refit call's is not known
    // before it is made: its interface's calls share one).
    private static string KeyOf(string? key, Uri? target, NodeDescriptor descriptor)
        => key ?? (target is { IsAbsoluteUri: true } ? target.Authority : descriptor.UriTemplate);

    private ResiliencePipeline<NodeResult> BuildPipeline(NodeDescriptor descriptor, RetrySettings? retry)
    {
        var builder = new ResiliencePipelineBuilder<NodeResult> { TimeProvider = _time, Name = descriptor.FullName };

        // The caller's strategies go outside the retry: a hedge or fallback sees the final attempt.
        _configure?.Invoke(builder, descriptor);
        if (retry is not null)
        {
            TimeProvider time = _time;
            builder.AddRetry(new RetryStrategyOptions<NodeResult>
            {
                MaxRetryAttempts = retry.Retries,
                Delay = retry.Delay,
                MaxDelay = retry.MaxDelay,
                BackoffType = RetryRules.ToPolly(retry.Backoff),
                UseJitter = retry.UseJitter,
                ShouldHandle = args => new ValueTask<bool>(
                    args.Outcome.Result is { } attempt
                    && args.Context.Properties.TryGetValue(Execution, out IRetriedExecution? execution)
                    && RetryRules.ShouldRetry(retry, attempt, execution.Method, descriptor, time)),

                // The server's Retry-After, when it gave one, is the delay as it is: no backoff, no jitter.
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } attempt ? RetryRules.ServerDelay(attempt, time) : null),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(Execution, out IRetriedExecution? execution))
                    {
                        execution.WaitsBeforeNextAttempt(args.RetryDelay);
                    }

                    return default;
                },
            });
        }

        return builder.Build();
    }

    private ResiliencePipeline BuildLimiter(RateLimitSettings settings)
    {
        var limiter = new SlidingWindowRateLimiter(settings, _time);
        _owned.Add(limiter);
        return new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            })
            .Build();
    }

    private ResiliencePipeline BuildBreaker(CircuitBreakerSettings settings)
        => new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,

                // Attempts come back as results (their failures already described); an exception
                // here is the caller's cancellation, which says nothing about the server.
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result is NodeResult attempt && RetryRules.IsTransientFailure(attempt)),
            })
            .Build();
}

/// <summary>What the retry's callbacks need from the execution they retry.</summary>
internal interface IRetriedExecution
{
    /// <summary>The method the attempts use (a POST or PATCH without an idempotency key is not retried).</summary>
    string Method { get; }

    /// <summary>Records the delay before the next attempt, for its <see cref="NodeAttempt.Delay"/>.</summary>
    void WaitsBeforeNextAttempt(TimeSpan delay);
}
