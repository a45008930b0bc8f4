namespace OrleansFlow.Api;

/// <summary>
/// One pre-committed sink transaction: what a <see cref="ITwoPhaseCommitSinkWriter{T}"/> sealed on a checkpoint
/// barrier, kept in the checkpoint until a <see cref="ISinkCommitter"/> makes it visible.
/// </summary>
/// <param name="CheckpointId">The checkpoint whose barrier sealed the transaction (<see cref="EndOfInputCheckpointId"/> for the last one of a bounded input).</param>
/// <param name="Subtask">The sink subtask that wrote it.</param>
/// <param name="Payload">The writer's description of the transaction (e.g. a part file name); opaque to the runtime.</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SinkCommittable")]
public sealed record SinkCommittable(
    [property: Id(0)] long CheckpointId,
    [property: Id(1)] int Subtask,
    [property: Id(2)] string Payload)
{
    /// <summary>The checkpoint id of the transaction sealed at end of input: committed when the whole job finished.</summary>
    public const long EndOfInputCheckpointId = long.MaxValue;
}
