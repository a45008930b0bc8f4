namespace OrleansFlow.Api;

/// <summary>What <see cref="ICheckpointedFunction.SnapshotState"/> learns about the checkpoint being taken.</summary>
/// <param name="CheckpointId">The checkpoint's id (a savepoint has one too).</param>
/// <param name="CheckpointTimestamp">When the coordinator triggered it (epoch milliseconds).</param>
public sealed record FunctionSnapshotContext(long CheckpointId, long CheckpointTimestamp);
