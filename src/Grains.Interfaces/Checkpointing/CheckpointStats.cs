namespace OrleansFlow.Checkpointing;

/// <summary>Checkpoint statistics in the shape of Flink's <c>GET /jobs/{id}/checkpoints</c>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.CheckpointStats")]
public sealed record CheckpointStats
{
    /// <summary>The settings in force.</summary>
    [Id(0)] public CheckpointingSettings Settings { get; init; } = CheckpointingSettings.Default;

    /// <summary>Checkpoints triggered.</summary>
    [Id(1)] public int Total { get; init; }

    /// <summary>Checkpoints in progress.</summary>
    [Id(2)] public int InProgress { get; init; }

    /// <summary>Checkpoints completed.</summary>
    [Id(3)] public int Completed { get; init; }

    /// <summary>Checkpoints failed.</summary>
    [Id(4)] public int Failed { get; init; }

    /// <summary>Restores from a checkpoint.</summary>
    [Id(5)] public int Restored { get; init; }

    /// <summary>The most recent checkpoints, newest first.</summary>
    [Id(6)] public IReadOnlyList<CheckpointSummary> History { get; init; } = [];

    /// <summary>The latest restore, if any.</summary>
    [Id(7)] public RestoreInfo? LatestRestore { get; init; }
}
