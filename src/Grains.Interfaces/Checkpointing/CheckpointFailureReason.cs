namespace OrleansFlow.Checkpointing;

/// <summary>Why a checkpoint was aborted.</summary>
public enum CheckpointFailureReason
{
    /// <summary>Not every task acknowledged within the timeout.</summary>
    Timeout,
    /// <summary>A task declined it (its snapshot failed).</summary>
    Declined,
    /// <summary>A task failed or was lost while it was in progress.</summary>
    TaskFailure,
    /// <summary>Writing the checkpoint's metadata failed.</summary>
    StorageFailure,
    /// <summary>A newer checkpoint completed first.</summary>
    Subsumed,
    /// <summary>The job was cancelled, failed or restarted while it was in progress.</summary>
    JobStopped,

    /// <summary>A task held more records than allowed while aligning its barriers and gave the alignment up (does not count against the tolerable failures).</summary>
    AlignmentLimitExceeded,
}
