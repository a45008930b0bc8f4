namespace OrleansFlow.Checkpointing;

/// <summary>A pre-committed sink transaction that the snapshot stores (committed when it completes, and again on restore).</summary>
/// <param name="OperatorUid">The sink operator's uid.</param>
/// <param name="Subtask">The sink subtask that wrote it.</param>
/// <param name="CheckpointId">The checkpoint whose barrier sealed it.</param>
/// <param name="Payload">The sink's description of the transaction.</param>
internal sealed record SinkCommittableMetadata(string OperatorUid, int Subtask, long CheckpointId, string Payload);
