using OrleansFlow.Checkpointing;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// One completed checkpoint as the coordinator reports it (<see cref="ICheckpointCoordinatorGrain.GetDetails"/>):
/// end to end = completion − trigger (coordinator clock: trigger, barrier, every task's sync and async phase,
/// acknowledgements, <c>_metadata</c>); sync, async and alignment = the longest over the tasks' acknowledgements.
/// The process-side figures (<see cref="Process"/>) are measured by the bench around trigger and completion: the silo
/// runs in the bench's process, so they show what the checkpoint cost the process in GC and CPU.
/// </summary>
public sealed record CheckpointSample(long Id, TimeSpan EndToEnd, TimeSpan Sync, TimeSpan Async, TimeSpan Alignment, long StateSize, int Tasks)
{
    /// <summary>GC and CPU of the process from the trigger to the completion.</summary>
    public ProcessCost Process { get; init; } = ProcessCost.None;

    /// <summary>The records the tasks held in memory while aligning this checkpoint's barrier, summed over the tasks.</summary>
    public long AlignmentBufferedRecords { get; init; }

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
            acks.Count) { AlignmentBufferedRecords = acks.Sum(a => a.AlignmentBufferedRecords) };
    }
}
