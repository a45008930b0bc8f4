namespace OrleansFlow.Checkpointing;

/// <summary>The position a source subtask seeks to when it restores from the snapshot.</summary>
/// <param name="OperatorUid">The source operator's uid.</param>
/// <param name="Subtask">The source subtask.</param>
/// <param name="Offset">The offset of the next record to read.</param>
internal sealed record SourceOffsetMetadata(string OperatorUid, int Subtask, long Offset);
