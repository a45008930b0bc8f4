namespace OrleansFlow.Checkpointing;

/// <summary>One checkpoint in <see cref="CheckpointStats.History"/>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.CheckpointSummary")]
public sealed record CheckpointSummary
{
    /// <summary>The checkpoint id.</summary>
    [Id(0)] public long Id { get; init; }

    /// <summary><c>IN_PROGRESS</c>, <c>COMPLETED</c> or <c>FAILED</c>.</summary>
    [Id(1)] public required string Status { get; init; }

    /// <summary>When it was triggered.</summary>
    [Id(2)] public DateTimeOffset TriggerTime { get; init; }

    /// <summary>When it completed or failed.</summary>
    [Id(3)] public DateTimeOffset? EndTime { get; init; }

    /// <summary>Bytes of state written.</summary>
    [Id(4)] public long StateSize { get; init; }

    /// <summary>Tasks that acknowledged.</summary>
    [Id(5)] public int AcknowledgedTasks { get; init; }

    /// <summary>Tasks in the job.</summary>
    [Id(6)] public int TotalTasks { get; init; }

    /// <summary>The storage location of its metadata (completed checkpoints).</summary>
    [Id(7)] public string? Path { get; init; }

    /// <summary>Why it failed (failed checkpoints).</summary>
    [Id(8)] public string? FailureMessage { get; init; }

    /// <summary>Each acknowledged task's size and phase durations, by vertex and subtask.</summary>
    [Id(9)] public IReadOnlyList<TaskCheckpointTiming> Tasks { get; init; } = [];

    /// <summary>Whether it is a savepoint.</summary>
    [Id(10)] public bool IsSavepoint { get; init; }
}
