namespace OrleansFlow.Jobs;

/// <summary>A job's restart strategy (<c>"restartStrategy"</c> in <c>POST /jobs</c>).</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.RestartStrategySettings")]
public sealed record RestartStrategySettings
{
    /// <summary>Fixed delay of 1 s, unlimited attempts.</summary>
    public static readonly RestartStrategySettings Default = new();

    /// <summary>The strategy.</summary>
    [Id(0)] public RestartStrategyKind Kind { get; init; } = RestartStrategyKind.FixedDelay;

    /// <summary>The delay before the first restart (and every restart, for a fixed delay). Default 1000 ms.</summary>
    [Id(1)] public long DelayMs { get; init; } = 1000;

    /// <summary>Restarts allowed before the job fails for good; 0 = unlimited. Default 0.</summary>
    [Id(2)] public int MaxAttempts { get; init; }

    /// <summary>Exponential backoff: the factor per restart. Default 2.</summary>
    [Id(3)] public double BackoffMultiplier { get; init; } = 2.0;

    /// <summary>Exponential backoff: the largest delay. Default 60,000 ms.</summary>
    [Id(4)] public long MaxDelayMs { get; init; } = 60_000;

    /// <summary>The problems of these settings, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Kind)) errors.Add($"restartStrategy.kind '{Kind}' is unknown.");
        if (DelayMs < 0) errors.Add($"restartStrategy.delayMs must not be negative, got {DelayMs}.");
        if (MaxAttempts < 0) errors.Add($"restartStrategy.maxAttempts must be 0 (unlimited) or positive, got {MaxAttempts}.");
        if (BackoffMultiplier < 1) errors.Add($"restartStrategy.backoffMultiplier must be at least 1, got {BackoffMultiplier}.");
        if (MaxDelayMs < DelayMs) errors.Add($"restartStrategy.maxDelayMs must be at least delayMs, got {MaxDelayMs}.");
        return errors;
    }

    /// <summary>The delay before restart number <paramref name="restart"/> (1 for the first), or null when no restart is allowed.</summary>
    public TimeSpan? DelayBeforeRestart(int restart)
    {
        if (Kind == RestartStrategyKind.None || (MaxAttempts > 0 && restart > MaxAttempts)) return null;
        if (Kind == RestartStrategyKind.FixedDelay) return TimeSpan.FromMilliseconds(DelayMs);
        var delay = DelayMs * Math.Pow(BackoffMultiplier, restart - 1);
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxDelayMs));
    }
}
