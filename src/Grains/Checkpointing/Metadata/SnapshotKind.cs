namespace OrleansFlow.Checkpointing;

/// <summary>What a <c>_metadata</c> describes: a checkpoint the system took, or a savepoint a user asked for.</summary>
internal enum SnapshotKind
{
    /// <summary>A periodic checkpoint under <c>jobs/{jobId}/chk-{n}</c>, retained and deleted by the system.</summary>
    Checkpoint,

    /// <summary>A savepoint under <c>savepoints/{name}</c>: self-contained, relocatable, never deleted by the system.</summary>
    Savepoint,
}
