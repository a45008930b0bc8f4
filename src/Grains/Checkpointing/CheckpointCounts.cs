namespace OrleansFlow.Checkpointing;

/// <summary>Flink's checkpoint counters.</summary>
internal sealed record CheckpointCounts(int Total, int InProgress, int Completed, int Failed, int Restored);
