using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>What the coordinator needs to coordinate one attempt of a job.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.CheckpointCoordinatorStart")]
public sealed record CheckpointCoordinatorStart
{
    /// <summary>The registered job name.</summary>
    [Id(0)] public required string JobName { get; init; }

    /// <summary>The deployment attempt.</summary>
    [Id(1)] public required int Attempt { get; init; }

    /// <summary>The job's max parallelism.</summary>
    [Id(2)] public required int MaxParallelism { get; init; }

    /// <summary>The checkpoint settings.</summary>
    [Id(3)] public required CheckpointingSettings Settings { get; init; }

    /// <summary>Every task of the attempt (all must acknowledge).</summary>
    [Id(4)] public required IReadOnlyList<TaskId> Tasks { get; init; }

    /// <summary>The source tasks (they are triggered).</summary>
    [Id(5)] public required IReadOnlyList<TaskId> Sources { get; init; }

    /// <summary>Whether the attempt restored from a checkpoint.</summary>
    [Id(6)] public bool Restored { get; init; }

    /// <summary>The highest checkpoint id used before (ids never repeat).</summary>
    [Id(7)] public long LastCheckpointId { get; init; }

    /// <summary>What the attempt restored from, when it did.</summary>
    [Id(8)] public RestoreInfo? RestoredFrom { get; init; }
}
