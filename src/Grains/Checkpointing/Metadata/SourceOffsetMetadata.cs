namespace OrleansFlow.Checkpointing;

/// <summary>The position a source split resumes from when the snapshot is restored (by whichever subtask reads the split then).</summary>
/// <param name="OperatorUid">The source operator's uid.</param>
/// <param name="Split">The split.</param>
/// <param name="Offset">The offset of the split's next record.</param>
internal sealed record SourceOffsetMetadata(string OperatorUid, int Split, long Offset);
