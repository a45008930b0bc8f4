namespace OrleansFlow.Checkpointing;

/// <summary>The state of one operator (by its stable uid) in a <c>_metadata</c>: its parallelism, its keyed state files and its operator-state files.</summary>
internal sealed record OperatorStateMetadata
{
    /// <summary>The operator's uid, by which a restore maps state onto the new job graph.</summary>
    public required string Uid { get; init; }

    /// <summary>The operator's parallelism when the snapshot was taken.</summary>
    public required int Parallelism { get; init; }

    /// <summary>The operator's state files, by subtask.</summary>
    public required IReadOnlyList<StateFileMetadata> States { get; init; }

    /// <summary>Its operator-state (non-keyed) files, by subtask (absent in metadata before format version 3).</summary>
    public IReadOnlyList<OperatorStateFileMetadata> OperatorStates { get; init; } = [];
}
