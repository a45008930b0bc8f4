namespace OrleansFlow.Checkpointing;

/// <summary>An aborted checkpoint: never restored from; its files are deleted.</summary>
internal sealed record FailedCheckpoint(
    long Id,
    DateTimeOffset TriggerTime,
    DateTimeOffset FailureTime,
    CheckpointFailureReason Reason,
    string Message,
    CheckpointOptions? Options = null)
{
    /// <summary>Whether it was a savepoint (its files are in <see cref="CheckpointOptions.TargetFolder"/>).</summary>
    public bool IsSavepoint => Options?.IsSavepoint == true;
}
