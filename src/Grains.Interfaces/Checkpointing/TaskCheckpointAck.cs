using OrleansFlow.Api;
using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>A task's acknowledgement of a checkpoint: what it wrote and how long each phase took.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskCheckpointAck")]
public sealed record TaskCheckpointAck
{
    /// <summary>The acknowledging task.</summary>
    [Id(0)] public required TaskId Task { get; init; }

    /// <summary>The checkpoint.</summary>
    [Id(1)] public required long CheckpointId { get; init; }

    /// <summary>The task's state files.</summary>
    [Id(2)] public IReadOnlyList<StateHandle> State { get; init; } = [];

    /// <summary>A source's offset per split, by operator uid (the positions to seek to on restore).</summary>
    [Id(3)] public IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>> SourceOffsets { get; init; } = new Dictionary<string, IReadOnlyDictionary<int, long>>();

    /// <summary>Time spent blocked on inputs that already delivered the barrier.</summary>
    [Id(4)] public TimeSpan AlignmentDuration { get; init; }

    /// <summary>The synchronous phase: capturing the state.</summary>
    [Id(5)] public TimeSpan SyncDuration { get; init; }

    /// <summary>The asynchronous phase: writing the files.</summary>
    [Id(6)] public TimeSpan AsyncDuration { get; init; }

    /// <summary>The pre-committed, not yet committed transactions of the task's exactly-once sinks, by sink operator uid.</summary>
    [Id(7)] public IReadOnlyDictionary<string, IReadOnlyList<SinkCommittable>> Committables { get; init; } = new Dictionary<string, IReadOnlyList<SinkCommittable>>();

    /// <summary>How many records arrived on inputs that already delivered the barrier and waited in memory for the alignment.</summary>
    [Id(8)] public long AlignmentBufferedRecords { get; init; }

    /// <summary>The task's operator-state files (non-keyed state), one per operator that has any.</summary>
    [Id(9)] public IReadOnlyList<OperatorStateHandle> OperatorState { get; init; } = [];

    /// <summary>The storage paths of every file the task wrote (keyed and operator state).</summary>
    public IEnumerable<string> WrittenFiles => State.Select(s => s.Path).Concat(OperatorState.Select(o => o.Path));

    /// <summary>The bytes written.</summary>
    public long StateSize => State.Sum(s => s.Size) + OperatorState.Sum(s => s.Size);
}
