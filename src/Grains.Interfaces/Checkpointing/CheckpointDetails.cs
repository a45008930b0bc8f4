namespace OrleansFlow.Checkpointing;

/// <summary>One checkpoint with every task's acknowledgement (<c>GET /jobs/{id}/checkpoints/details/{n}</c>).</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.CheckpointDetails")]
public sealed record CheckpointDetails
{
    /// <summary>The checkpoint's summary.</summary>
    [Id(0)] public required CheckpointSummary Summary { get; init; }

    /// <summary>The acknowledgements received (all of them for a completed checkpoint), by vertex and subtask.</summary>
    [Id(1)] public IReadOnlyList<TaskCheckpointAck> Acks { get; init; } = [];
}
