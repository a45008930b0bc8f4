using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>How long one task's part of a checkpoint took, kept in the checkpoint history.</summary>
/// <param name="Task">The task.</param>
/// <param name="StateSize">The bytes it wrote.</param>
/// <param name="Alignment">Time blocked on inputs that already delivered the barrier.</param>
/// <param name="Sync">The synchronous phase.</param>
/// <param name="Async">The asynchronous phase.</param>
/// <param name="AlignmentBufferedRecords">Records held in memory during the alignment.</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskCheckpointTiming")]
public sealed record TaskCheckpointTiming(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] long StateSize,
    [property: Id(2)] TimeSpan Alignment,
    [property: Id(3)] TimeSpan Sync,
    [property: Id(4)] TimeSpan Async,
    [property: Id(5)] long AlignmentBufferedRecords = 0)
{
    /// <summary>The timing an acknowledgement reports.</summary>
    public static TaskCheckpointTiming Of(TaskCheckpointAck ack) =>
        new(ack.Task, ack.StateSize, ack.AlignmentDuration, ack.SyncDuration, ack.AsyncDuration, ack.AlignmentBufferedRecords);
}
