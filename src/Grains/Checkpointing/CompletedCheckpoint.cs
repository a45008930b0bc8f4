namespace OrleansFlow.Checkpointing;

/// <summary>A checkpoint whose <c>_metadata</c> is durably written: restores may read it (invariant 5).</summary>
internal sealed record CompletedCheckpoint(
    long Id,
    DateTimeOffset TriggerTime,
    DateTimeOffset CompletionTime,
    string MetadataPath,
    IReadOnlyList<TaskCheckpointAck> Acks,
    bool IsSavepoint = false)
{
    public long StateSize => Acks.Sum(a => a.StateSize);

    /// <summary>Every state file the checkpoint needs.</summary>
    public IEnumerable<string> ReferencedFiles => Acks.SelectMany(a => a.WrittenFiles);
}
