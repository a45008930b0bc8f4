namespace OrleansFlow.Checkpointing;

/// <summary>What <see cref="CheckpointCoordinatorCore.Acknowledge"/> did.</summary>
internal enum AckResultKind
{
    /// <summary>Recorded; other tasks have yet to acknowledge.</summary>
    Accepted,
    /// <summary>Recorded, and every task has now acknowledged: write the metadata, then call <c>MarkCompleted</c>.</summary>
    AllAcknowledged,
    /// <summary>The task had acknowledged this checkpoint already.</summary>
    Duplicate,
    /// <summary>The checkpoint is not pending (aborted, subsumed, completed or never triggered): a late ack; its files are the caller's to delete.</summary>
    NotPending,
    /// <summary>The task is not part of this checkpoint.</summary>
    UnexpectedTask,
}
