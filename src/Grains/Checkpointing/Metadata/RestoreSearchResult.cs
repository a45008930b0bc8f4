namespace OrleansFlow.Checkpointing;

/// <summary>
/// What <see cref="CompletedCheckpointStore.FindLatestRestorableAsync"/> found: the newest complete checkpoint that
/// verifies (<see cref="Plan"/>, null when none does or the job has none) and every newer complete checkpoint it had to
/// pass over (<see cref="Skipped"/>, newest first), so the caller can say why it restores from an older one.
/// </summary>
/// <param name="Plan">The checkpoint to restore from, or null.</param>
/// <param name="Skipped">The complete checkpoints that failed verification, newest first.</param>
internal sealed record RestoreSearchResult(RestorePlan? Plan, IReadOnlyList<SkippedCheckpoint> Skipped);
