namespace OrleansFlow.Checkpointing;

/// <summary>What <see cref="CheckpointTriggerPolicy"/> decided.</summary>
internal enum TriggerDecisionKind
{
    /// <summary>Start a checkpoint now.</summary>
    TriggerNow,
    /// <summary>Not yet: ask again at <see cref="TriggerDecision.NotBefore"/>.</summary>
    Wait,
    /// <summary>As many checkpoints as allowed are in progress: ask again when one ends.</summary>
    TooManyInProgress,
    /// <summary>Periodic checkpoints are off.</summary>
    Disabled,
}

/// <summary>A trigger decision and, when waiting, the earliest time to trigger.</summary>
internal readonly record struct TriggerDecision(TriggerDecisionKind Kind, DateTimeOffset? NotBefore = null);
