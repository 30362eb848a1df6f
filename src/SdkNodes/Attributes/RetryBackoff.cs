namespace SdkNodes;

/// <summary>How the delay between retries grows.</summary>
public enum RetryBackoff
{
    /// <summary>
    /// Doubles each time: 1 s, 2 s, 4 s... With jitter (the default) Polly's decorrelated jitter
    /// spreads the delays around that curve, so one delay can be shorter than the one before.
    /// </summary>
    Exponential,

    /// <summary>Grows by the base delay each time: 1 s, 2 s, 3 s...</summary>
    Linear,

    /// <summary>The same delay each time.</summary>
    Constant,
}
