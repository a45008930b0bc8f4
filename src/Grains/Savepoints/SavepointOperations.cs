using OrleansFlow.Savepoints;

namespace OrleansFlow.Savepoints;

/// <summary>
/// The savepoint operations of one job manager (pure, no I/O): started with a trigger id and a checkpoint id, then
/// completed or failed once. Keeps the most recent <see cref="Capacity"/> operations. Not thread-safe (grain state).
/// </summary>
internal sealed class SavepointOperations
{
    /// <summary>How many operations are remembered.</summary>
    public const int Capacity = 100;

    private readonly Dictionary<string, SavepointStatus> _byTrigger = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (string TriggerId, bool Drain)> _inProgress = [];
    private readonly Queue<string> _order = new();

    /// <summary>An operation that stops or cancels the job is in progress: no second one may start.</summary>
    public bool StopInProgress => _inProgress.Values.Any(p => _byTrigger[p.TriggerId].Mode != SavepointMode.Savepoint)
        || _byTrigger.Values.Any(s => s.Mode == SavepointMode.Rescale && s.Status == SavepointStatusKind.InProgress);

    /// <summary>The operation's status; null for an unknown trigger id.</summary>
    public SavepointStatus? Get(string triggerId) => _byTrigger.GetValueOrDefault(triggerId);

    /// <summary>Records a triggered savepoint.</summary>
    public void Started(string triggerId, long checkpointId, SavepointMode mode, bool drain, int? parallelism = null)
    {
        _byTrigger[triggerId] = new SavepointStatus
        {
            TriggerId = triggerId, Status = SavepointStatusKind.InProgress, CheckpointId = checkpointId, Mode = mode, Parallelism = parallelism,
        };
        _inProgress[checkpointId] = (triggerId, drain);
        _order.Enqueue(triggerId);
        while (_order.Count > Capacity)
        {
            var oldest = _order.Dequeue();
            if (_byTrigger.Remove(oldest, out var dropped)) _inProgress.Remove(dropped.CheckpointId);
        }
    }

    /// <summary>
    /// Savepoint <paramref name="checkpointId"/> completed in <paramref name="location"/>; null when it is not in progress
    /// here. A rescale stays in progress (with its location) until <see cref="Rescaled"/> or <see cref="RescaleFailed"/>.
    /// </summary>
    public (SavepointStatus Status, bool Drain)? Completed(long checkpointId, string location) =>
        End(checkpointId, s => s with { Status = s.Mode == SavepointMode.Rescale ? SavepointStatusKind.InProgress : SavepointStatusKind.Completed, Location = location });

    /// <summary>Savepoint <paramref name="checkpointId"/> failed; null when it is not in progress here.</summary>
    public (SavepointStatus Status, bool Drain)? Failed(long checkpointId, string cause) =>
        End(checkpointId, s => s with { Status = SavepointStatusKind.Failed, FailureCause = cause });

    /// <summary>A completed rescale's job runs again at its new parallelism after <paramref name="downtime"/>.</summary>
    public void Rescaled(string triggerId, TimeSpan downtime)
    {
        if (_byTrigger.TryGetValue(triggerId, out var status)) _byTrigger[triggerId] = status with { Status = SavepointStatusKind.Completed, Downtime = downtime };
    }

    /// <summary>A completed rescale could not restart the job: the operation failed after all.</summary>
    public void RescaleFailed(string triggerId, string cause)
    {
        if (_byTrigger.TryGetValue(triggerId, out var status)) _byTrigger[triggerId] = status with { Status = SavepointStatusKind.Failed, FailureCause = cause };
    }

    /// <summary>The most recent <paramref name="count"/> operations, oldest first (what <c>job.json</c> keeps).</summary>
    public IReadOnlyList<SavepointStatus> Recent(int count) =>
        _order.Skip(Math.Max(0, _order.Count - count)).Select(id => _byTrigger[id]).ToList();

    /// <summary>
    /// Takes back operations saved by an earlier activation (oldest first). One still in progress then can never
    /// complete here (its coordinator's barrier belonged to the lost activation's attempt): it is failed with
    /// <paramref name="lostCause"/>, so a client polling it gets an answer instead of an unknown trigger id.
    /// </summary>
    public void Restore(IEnumerable<SavepointStatus> saved, string lostCause)
    {
        foreach (var status in saved)
        {
            _byTrigger[status.TriggerId] = status.Status == SavepointStatusKind.InProgress
                ? status with { Status = SavepointStatusKind.Failed, FailureCause = lostCause }
                : status;
            _order.Enqueue(status.TriggerId);
        }
        while (_order.Count > Capacity) _byTrigger.Remove(_order.Dequeue());
    }

    /// <summary>Fails every operation in progress (the job restarted or ended before they completed).</summary>
    public void FailAll(string cause)
    {
        foreach (var id in _inProgress.Keys.ToList()) Failed(id, cause);
    }

    private (SavepointStatus Status, bool Drain)? End(long checkpointId, Func<SavepointStatus, SavepointStatus> update)
    {
        if (!_inProgress.Remove(checkpointId, out var entry)) return null;
        var status = update(_byTrigger[entry.TriggerId]);
        _byTrigger[entry.TriggerId] = status;
        return (status, entry.Drain);
    }
}
