namespace OrleansFlow.Checkpointing;

/// <summary>How much of a snapshot's state files <see cref="CompletedCheckpointStore"/> reads before a restore.</summary>
internal enum StateFileVerification
{
    /// <summary>
    /// Every file is read whole and its checksum compared: a corrupt file is found before anything is deployed (what
    /// the search for a restorable checkpoint and a user's restore from a savepoint need, to fall back or refuse).
    /// </summary>
    WholeFiles,

    /// <summary>
    /// Files with section checksums are only checked to exist with their recorded size: the tasks verify the header
    /// and every section they read, so no byte is read twice. Files without section checksums are read whole.
    /// </summary>
    ByRestoringTasks,
}
