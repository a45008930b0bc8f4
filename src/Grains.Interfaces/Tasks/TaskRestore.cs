using OrleansFlow.Api;

namespace OrleansFlow.Tasks;

/// <summary>What a task restores when it is deployed from a checkpoint: the state files that hold its key groups and its source's split offsets.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskRestore")]
public sealed record TaskRestore
{
    /// <summary>The checkpoint restored from.</summary>
    [Id(0)] public required long CheckpointId { get; init; }

    /// <summary>The state files whose key groups overlap the task's (read through their key-group index).</summary>
    [Id(1)] public IReadOnlyList<TaskRestoreFile> Files { get; init; } = [];

    /// <summary>The source offset to seek to, by source operator uid.</summary>
    [Id(2)] public IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>> SourceOffsets { get; init; } = new Dictionary<string, IReadOnlyDictionary<int, long>>();

    /// <summary>
    /// The sink transactions of the checkpoint that this task commits (again) before it starts, by sink operator uid:
    /// those written by old subtasks <c>s</c> with <c>s % parallelism == subtask</c>.
    /// </summary>
    [Id(3)] public IReadOnlyDictionary<string, IReadOnlyList<SinkCommittable>> Committables { get; init; } = new Dictionary<string, IReadOnlyList<SinkCommittable>>();

    /// <summary>The shares of operator (non-keyed) states this task restores, by the states' redistribution rules.</summary>
    [Id(4)] public IReadOnlyList<TaskOperatorStateRestore> OperatorStates { get; init; } = [];
}
