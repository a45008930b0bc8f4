using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>What <see cref="PendingCheckpoint.Acknowledge"/> did with an acknowledgement.</summary>
internal enum AckOutcome
{
    /// <summary>Recorded.</summary>
    Accepted,
    /// <summary>This task had acknowledged already: ignored.</summary>
    Duplicate,
    /// <summary>This task is not part of the checkpoint: ignored.</summary>
    UnexpectedTask,
}

/// <summary>A triggered checkpoint waiting for every task's acknowledgement (ack tracking only; no I/O).</summary>
internal sealed class PendingCheckpoint(long id, DateTimeOffset triggerTime, IEnumerable<TaskId> tasks, CheckpointOptions? options = null)
{
    private readonly HashSet<TaskId> _expected = [.. tasks];
    private readonly Dictionary<TaskId, TaskCheckpointAck> _acks = [];

    public long Id { get; } = id;

    public DateTimeOffset TriggerTime { get; } = triggerTime;

    /// <summary>Checkpoint or savepoint, and where it writes.</summary>
    public CheckpointOptions Options { get; } = options ?? CheckpointOptions.Checkpoint;

    public IReadOnlyCollection<TaskCheckpointAck> Acks => _acks.Values;

    public int ExpectedCount => _expected.Count;

    public bool IsFullyAcknowledged => _acks.Count == _expected.Count;

    public IEnumerable<TaskId> NotYetAcknowledged => _expected.Where(t => !_acks.ContainsKey(t));

    public AckOutcome Acknowledge(TaskCheckpointAck ack)
    {
        if (!_expected.Contains(ack.Task)) return AckOutcome.UnexpectedTask;
        return _acks.TryAdd(ack.Task, ack) ? AckOutcome.Accepted : AckOutcome.Duplicate;
    }

    public bool Involves(TaskId task) => _expected.Contains(task);
}
