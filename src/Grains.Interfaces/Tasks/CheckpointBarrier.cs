namespace OrleansFlow.Tasks;

/// <summary>
/// Barrier <see cref="CheckpointId"/> on a channel: every element before it belongs to the checkpoint's state, every
/// element after it does not. A task with several inputs holds back each input that delivered the barrier until all
/// have (alignment), then snapshots its state and forwards the barrier.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.CheckpointBarrier")]
public sealed class CheckpointBarrier(long checkpointId, Checkpointing.CheckpointOptions? options = null) : StreamElement
{
    /// <summary>The checkpoint this barrier belongs to.</summary>
    [Id(0)] public long CheckpointId { get; } = checkpointId;

    /// <summary>Checkpoint or savepoint, and where it writes.</summary>
    [Id(1)] public Checkpointing.CheckpointOptions Options { get; } = options ?? Checkpointing.CheckpointOptions.Checkpoint;
}
