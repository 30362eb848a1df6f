namespace SdkNodes;

/// <summary>How the delay between retries grows.</summary>
public enum RetryBackoff
{
    /// <summary>Doubles each time: 1 s, 2 s, 4 s... (with jitter: spread around those values).</summary>
    Exponential,

    /// <summary>Grows by the base delay each time: 1 s, 2 s, 3 s...</summary>
    Linear,

    /// <summary>The same delay each time.</summary>
    Constant,
}
