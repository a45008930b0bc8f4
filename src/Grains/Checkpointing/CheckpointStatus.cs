namespace OrleansFlow.Checkpointing;

/// <summary>A checkpoint's stage, as Flink's REST API names it.</summary>
internal enum CheckpointStatus
{
    /// <summary>Triggered, waiting for acknowledgements.</summary>
    InProgress,
    /// <summary>Its metadata is written.</summary>
    Completed,
    /// <summary>Aborted.</summary>
    Failed,
}
