namespace OrleansFlow.Checkpointing;

/// <summary>
/// A job's checkpoint settings, as Flink's (<c>"checkpointing"</c> in the body of <c>POST /jobs</c>). An interval of 0
/// turns periodic checkpoints off (a checkpoint can still be requested).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.CheckpointingSettings")]
public sealed record CheckpointingSettings
{
    /// <summary>Flink's defaults with periodic checkpoints off.</summary>
    public static readonly CheckpointingSettings Default = new();

    /// <summary>Milliseconds between checkpoint triggers; 0 = no periodic checkpoints.</summary>
    [Id(0)] public long IntervalMs { get; init; }

    /// <summary>A checkpoint not complete after this many milliseconds is aborted. Default 10 minutes.</summary>
    [Id(1)] public long TimeoutMs { get; init; } = 600_000;

    /// <summary>Least milliseconds between the end of one checkpoint and the trigger of the next. Default 0.</summary>
    [Id(2)] public long MinPauseMs { get; init; }

    /// <summary>How many checkpoints may be in progress at once. Default 1.</summary>
    [Id(3)] public int MaxConcurrent { get; init; } = 1;

    /// <summary>Consecutive failed checkpoints tolerated before the job fails. Default 0.</summary>
    [Id(4)] public int TolerableFailures { get; init; }

    /// <summary>Completed checkpoints kept. Default 3.</summary>
    [Id(5)] public int Retained { get; init; } = 3;

    /// <summary>The problems of these settings, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (IntervalMs < 0) errors.Add($"checkpointing.intervalMs must be 0 (off) or positive, got {IntervalMs}.");
        if (IntervalMs is > 0 and < 10) errors.Add($"checkpointing.intervalMs must be at least 10 ms, got {IntervalMs}.");
        if (TimeoutMs < 10) errors.Add($"checkpointing.timeoutMs must be at least 10 ms, got {TimeoutMs}.");
        if (MinPauseMs < 0) errors.Add($"checkpointing.minPauseMs must not be negative, got {MinPauseMs}.");
        if (MaxConcurrent < 1) errors.Add($"checkpointing.maxConcurrent must be at least 1, got {MaxConcurrent}.");
        if (TolerableFailures < 0) errors.Add($"checkpointing.tolerableFailures must not be negative, got {TolerableFailures}.");
        if (Retained < 1) errors.Add($"checkpointing.retained must be at least 1, got {Retained}.");
        return errors;
    }
}
