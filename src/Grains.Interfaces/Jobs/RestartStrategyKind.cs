namespace OrleansFlow.Jobs;

/// <summary>How a failed job is restarted (Flink's restart strategies).</summary>
public enum RestartStrategyKind
{
    /// <summary>Restart after a fixed delay (the default: unlimited attempts, 1 s).</summary>
    FixedDelay,
    /// <summary>Restart after a delay that grows by a factor per restart, up to a maximum.</summary>
    ExponentialBackoff,
    /// <summary>Never restart: the first failure fails the job.</summary>
    None,
}
