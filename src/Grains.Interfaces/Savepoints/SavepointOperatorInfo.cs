namespace OrleansFlow.Savepoints;

/// <summary>One operator (by uid) in a savepoint: its parallelism, keyed and operator states, files, key-group sizes and source offsets.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointOperatorInfo")]
public sealed record SavepointOperatorInfo
{
    /// <summary>The operator's uid.</summary>
    [Id(0)] public required string Uid { get; init; }

    /// <summary>Its parallelism when the savepoint was taken.</summary>
    [Id(1)] public int Parallelism { get; init; }

    /// <summary>Its keyed states, from the state tables of its files (ordinal name order).</summary>
    [Id(2)] public IReadOnlyList<SavepointStateInfo> States { get; init; } = [];

    /// <summary>Its state files, by subtask.</summary>
    [Id(3)] public IReadOnlyList<SavepointFileInfo> Files { get; init; } = [];

    /// <summary>
    /// The size in bytes of each key group's section (from the key-group offset index), by key group: every key
    /// group of the job for a keyed operator, so skew is visible.
    /// </summary>
    [Id(4)] public IReadOnlyList<SavepointKeyGroupSize> KeyGroups { get; init; } = [];

    /// <summary>The offsets its source subtasks resume from (empty unless it is a source).</summary>
    [Id(5)] public IReadOnlyList<SavepointSourceOffset> SourceOffsets { get; init; } = [];

    /// <summary>Bytes of its state files (keyed and operator state).</summary>
    [Id(6)] public long StateSize { get; init; }

    /// <summary>Its operator (non-keyed) states, in ordinal name order.</summary>
    [Id(7)] public IReadOnlyList<SavepointOperatorStateInfo> OperatorStates { get; init; } = [];

    /// <summary>Its operator-state files, by subtask.</summary>
    [Id(8)] public IReadOnlyList<SavepointOperatorStateFileInfo> OperatorStateFiles { get; init; } = [];
}
