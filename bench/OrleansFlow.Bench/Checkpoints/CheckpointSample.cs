using OrleansFlow.Checkpointing;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// One completed checkpoint as the coordinator reports it (<see cref="ICheckpointCoordinatorGrain.GetDetails"/>):
/// end to end = completion − trigger (coordinator clock: trigger, barrier, every task's sync and async phase,
/// acknowledgements, <c>_metadata</c>); sync, async and alignment = the longest over the tasks' acknowledgements.
/// </summary>
public sealed record CheckpointSample(long Id, TimeSpan EndToEnd, TimeSpan Sync, TimeSpan Async, TimeSpan Alignment, long StateSize, int Tasks)
{
    /// <summary>Reads a completed checkpoint's details.</summary>
    public static CheckpointSample From(CheckpointDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var summary = details.Summary;
        if (summary.EndTime is not { } end) throw new InvalidOperationException($"Checkpoint {summary.Id} has no end time.");
        var acks = details.Acks;
        return new CheckpointSample(
            summary.Id,
            end - summary.TriggerTime,
            acks.Count == 0 ? TimeSpan.Zero : acks.Max(a => a.SyncDuration),
            acks.Count == 0 ? TimeSpan.Zero : acks.Max(a => a.AsyncDuration),
            acks.Count == 0 ? TimeSpan.Zero : acks.Max(a => a.AlignmentDuration),
            summary.StateSize,
            acks.Count);
    }
}
