namespace OrleansFlow.Checkpointing;

/// <summary>One line of the checkpoint history, whatever its stage.</summary>
internal sealed record CheckpointHistoryEntry(
    long Id,
    CheckpointStatus Status,
    DateTimeOffset TriggerTime,
    DateTimeOffset? EndTime,
    long StateSize,
    int AcknowledgedTasks,
    int TotalTasks,
    CheckpointFailureReason? FailureReason,
    string? FailureMessage,
    IReadOnlyList<TaskCheckpointTiming> Tasks,
    bool IsSavepoint = false)
{
    public static CheckpointHistoryEntry Of(PendingCheckpoint p) =>
        new(p.Id, CheckpointStatus.InProgress, p.TriggerTime, null, p.Acks.Sum(a => a.StateSize), p.Acks.Count, p.ExpectedCount, null, null, Timings(p.Acks), p.Options.IsSavepoint);

    public static CheckpointHistoryEntry Of(CompletedCheckpoint c) =>
        new(c.Id, CheckpointStatus.Completed, c.TriggerTime, c.CompletionTime, c.StateSize, c.Acks.Count, c.Acks.Count, null, null, Timings(c.Acks), c.IsSavepoint);

    public static CheckpointHistoryEntry Of(FailedCheckpoint f, int totalTasks, bool isSavepoint = false) =>
        new(f.Id, CheckpointStatus.Failed, f.TriggerTime, f.FailureTime, 0, 0, totalTasks, f.Reason, f.Message, [], isSavepoint);

    private static TaskCheckpointTiming[] Timings(IEnumerable<TaskCheckpointAck> acks) =>
        acks.OrderBy(a => a.Task.Vertex).ThenBy(a => a.Task.Subtask).Select(TaskCheckpointTiming.Of).ToArray();
}
