namespace OrleansFlow.Checkpointing;

/// <summary>
/// When to start the next checkpoint (pure). Periodic: <c>interval</c> after the previous trigger (or after the job
/// started) and at least <c>minPause</c> after the previous checkpoint ended, with at most <c>maxConcurrent</c> in
/// progress. A requested checkpoint starts at once unless <c>maxConcurrent</c> are in progress.
/// </summary>
internal static class CheckpointTriggerPolicy
{
    public static TriggerDecision Decide(
        CheckpointingSettings settings, DateTimeOffset now, DateTimeOffset jobStart,
        DateTimeOffset? lastTrigger, DateTimeOffset? lastEnd, int inProgress, bool requested)
    {
        if (inProgress >= settings.MaxConcurrent) return new TriggerDecision(TriggerDecisionKind.TooManyInProgress);
        if (requested) return new TriggerDecision(TriggerDecisionKind.TriggerNow);
        if (settings.IntervalMs == 0) return new TriggerDecision(TriggerDecisionKind.Disabled);

        var notBefore = (lastTrigger ?? jobStart) + TimeSpan.FromMilliseconds(settings.IntervalMs);
        if (lastEnd is { } end && end + TimeSpan.FromMilliseconds(settings.MinPauseMs) > notBefore)
            notBefore = end + TimeSpan.FromMilliseconds(settings.MinPauseMs);
        return now >= notBefore
            ? new TriggerDecision(TriggerDecisionKind.TriggerNow)
            : new TriggerDecision(TriggerDecisionKind.Wait, notBefore);
    }
}
