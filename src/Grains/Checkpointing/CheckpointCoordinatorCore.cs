using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// The checkpoint coordinator's state machine, free of I/O and of grains: the grain around it writes files and sends
/// messages, this class decides. Protocol: <see cref="TryTrigger"/> → tell the sources; each
/// <see cref="Acknowledge"/> until <see cref="AckResultKind.AllAcknowledged"/> → write <c>_metadata</c> →
/// <see cref="MarkCompleted"/> → notify tasks, delete what it says; <see cref="AbortTimedOut"/> on a timer;
/// <see cref="Abort"/> on a decline or failure. Time comes from the injected <see cref="TimeProvider"/>.
/// Not thread-safe (a grain is single-threaded).
/// </summary>
internal sealed class CheckpointCoordinatorCore
{
    private const int HistorySize = 10;
    private readonly TimeProvider _time;
    private readonly SortedDictionary<long, PendingCheckpoint> _pending = [];
    private readonly List<CompletedCheckpoint> _completed = [];
    private readonly LinkedList<CheckpointHistoryEntry> _history = new();
    private IReadOnlyList<TaskId> _tasks;
    private DateTimeOffset _jobStart;
    private DateTimeOffset? _lastTrigger;
    private DateTimeOffset? _lastEnd;
    private int _failedCount;
    private int _completedCount;
    private int _restoredCount;

    /// <summary>
    /// A coordinator for the first attempt it sees. <paramref name="restored"/>: that attempt restored a checkpoint (the
    /// coordinator's activation is new, e.g. after its silo restarted): it counts as a restore as in <see cref="Restart"/>.
    /// </summary>
    public CheckpointCoordinatorCore(CheckpointingSettings settings, IReadOnlyList<TaskId> tasks, TimeProvider time, long lastCheckpointId = 0, bool restored = false)
    {
        var errors = settings.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(settings));
        Settings = settings;
        _tasks = tasks;
        _time = time;
        _jobStart = time.GetUtcNow();
        LastCheckpointId = lastCheckpointId;
        _restoredCount = restored ? 1 : 0;
    }

    public CheckpointingSettings Settings { get; }

    /// <summary>The highest checkpoint id allocated so far (ids never repeat, also across restarts).</summary>
    public long LastCheckpointId { get; private set; }

    /// <summary>Consecutive checkpoint failures since the last completion.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Whether the consecutive failures exceed <see cref="CheckpointingSettings.TolerableFailures"/>: the job must fail.</summary>
    public bool ToleranceExceeded => ConsecutiveFailures > Settings.TolerableFailures;

    public IReadOnlyCollection<PendingCheckpoint> Pending => _pending.Values;

    /// <summary>Retained completed checkpoints, oldest first.</summary>
    public IReadOnlyList<CompletedCheckpoint> Completed => _completed;

    public CompletedCheckpoint? LatestCompleted => _completed.Count == 0 ? null : _completed[^1];

    public CheckpointHistoryEntry? LatestFailed => _history.FirstOrDefault(h => h.Status == CheckpointStatus.Failed);

    /// <summary>The most recent checkpoints, newest first: pending, completed and failed ones (Flink's history).</summary>
    public IReadOnlyList<CheckpointHistoryEntry> History => [.. _pending.Values.Reverse().Select(CheckpointHistoryEntry.Of), .. _history];

    public CheckpointCounts Counts => new(_completedCount + _failedCount + _pending.Count, _pending.Count, _completedCount, _failedCount, _restoredCount);

    /// <summary>The acknowledgements of a pending or retained completed checkpoint (empty for others).</summary>
    public IReadOnlyList<TaskCheckpointAck> AcksOf(long id) =>
        _pending.TryGetValue(id, out var p) ? [.. p.Acks.OrderBy(a => a.Task.Vertex).ThenBy(a => a.Task.Subtask)]
        : _completed.FirstOrDefault(c => c.Id == id)?.Acks ?? [];

    /// <summary>Starts a new attempt of the job (after a restore): pending checkpoints are aborted, ids go on.</summary>
    public IReadOnlyList<FailedCheckpoint> Restart(IReadOnlyList<TaskId> tasks, bool restored)
    {
        var aborted = AbortAll(CheckpointFailureReason.JobStopped, "The job restarted.");
        _tasks = tasks;
        _jobStart = _time.GetUtcNow();
        _lastTrigger = null;
        if (restored) _restoredCount++;
        return aborted;
    }

    /// <summary>What the trigger policy says now.</summary>
    public TriggerDecision Decide(bool requested) =>
        CheckpointTriggerPolicy.Decide(Settings, _time.GetUtcNow(), _jobStart, _lastTrigger, _lastEnd, _pending.Values.Count(p => !p.Options.IsSavepoint), requested);

    /// <summary>Allocates and registers a checkpoint when the policy allows one now; null otherwise.</summary>
    public PendingCheckpoint? TryTrigger(bool requested)
    {
        if (Decide(requested).Kind != TriggerDecisionKind.TriggerNow) return null;
        var now = _time.GetUtcNow();
        var pending = new PendingCheckpoint(++LastCheckpointId, now, _tasks);
        _pending.Add(pending.Id, pending);
        _lastTrigger = now;
        return pending;
    }

    /// <summary>
    /// Allocates and registers a savepoint now, whatever the interval, pause and concurrency settings say (a user asked
    /// for it, as in Flink).
    /// </summary>
    public PendingCheckpoint TriggerSavepoint(CheckpointOptions options)
    {
        if (!options.IsSavepoint || string.IsNullOrEmpty(options.TargetFolder))
            throw new ArgumentException("A savepoint needs a target folder.", nameof(options));
        var pending = new PendingCheckpoint(++LastCheckpointId, _time.GetUtcNow(), _tasks, options);
        _pending.Add(pending.Id, pending);
        return pending;
    }

    public AckResultKind Acknowledge(TaskCheckpointAck ack)
    {
        if (!_pending.TryGetValue(ack.CheckpointId, out var pending)) return AckResultKind.NotPending;
        return pending.Acknowledge(ack) switch
        {
            AckOutcome.Duplicate => AckResultKind.Duplicate,
            AckOutcome.UnexpectedTask => AckResultKind.UnexpectedTask,
            _ => pending.IsFullyAcknowledged ? AckResultKind.AllAcknowledged : AckResultKind.Accepted,
        };
    }

    /// <summary>
    /// Records that checkpoint <paramref name="id"/>'s metadata is durably written at <paramref name="metadataPath"/>.
    /// Older pending checkpoints are subsumed; completed ones beyond the retained count are dropped.
    /// </summary>
    public (CompletedCheckpoint Completed, IReadOnlyList<FailedCheckpoint> Subsumed, IReadOnlyList<CompletedCheckpoint> Dropped, IReadOnlyList<string> FilesToDelete) MarkCompleted(long id, string metadataPath)
    {
        if (!_pending.TryGetValue(id, out var pending) || !pending.IsFullyAcknowledged)
            throw new InvalidOperationException($"Checkpoint {id} is not pending with every acknowledgement.");
        var now = _time.GetUtcNow();
        _pending.Remove(id);
        var completed = new CompletedCheckpoint(id, pending.TriggerTime, now, metadataPath, pending.Acks.OrderBy(a => a.Task.Vertex).ThenBy(a => a.Task.Subtask).ToList(), pending.Options.IsSavepoint);
        _completedCount++;
        ConsecutiveFailures = 0;
        Record(CheckpointHistoryEntry.Of(completed));
        if (completed.IsSavepoint) return (completed, [], [], []); // the user's: never retained, subsumed by, or deleted with checkpoints
        _completed.Add(completed);
        _lastEnd = now;

        var subsumed = _pending.Values.Where(p => p.Id < id && !p.Options.IsSavepoint).Select(p => p.Id).ToList()
            .Select(k => AbortInternal(k, CheckpointFailureReason.Subsumed, $"Checkpoint {id} completed first.", countsAsFailure: false)!)
            .ToList();
        var (kept, dropped, files) = CheckpointRetention.Decide(_completed, Settings.Retained);
        _completed.Clear();
        _completed.AddRange(kept);
        return (completed, subsumed, dropped, files);
    }

    /// <summary>
    /// Aborts a pending checkpoint; null when it is not pending (already ended). <paramref name="countsAsFailure"/> false
    /// for aborts caused by a task failure, which the job handles itself (as Flink's failure manager does).
    /// </summary>
    public FailedCheckpoint? Abort(long id, CheckpointFailureReason reason, string message, bool countsAsFailure = true) =>
        AbortInternal(id, reason, message, countsAsFailure);

    /// <summary>Aborts the pending checkpoints older than the timeout.</summary>
    public IReadOnlyList<FailedCheckpoint> AbortTimedOut()
    {
        var deadline = _time.GetUtcNow() - TimeSpan.FromMilliseconds(Settings.TimeoutMs);
        return _pending.Values.Where(p => p.TriggerTime <= deadline).Select(p => p.Id).ToList()
            .Select(id => Abort(id, CheckpointFailureReason.Timeout, $"Checkpoint {id} did not complete within {Settings.TimeoutMs} ms.")!)
            .ToList();
    }

    /// <summary>Aborts the pending checkpoints that involve <paramref name="task"/> (it failed or was lost).</summary>
    public IReadOnlyList<FailedCheckpoint> AbortInvolving(TaskId task, string message) =>
        _pending.Values.Where(p => p.Involves(task)).Select(p => p.Id).ToList()
            .Select(id => Abort(id, CheckpointFailureReason.TaskFailure, message)!)
            .ToList();

    /// <summary>Aborts every pending checkpoint (job stopping); these do not count against the tolerance.</summary>
    public IReadOnlyList<FailedCheckpoint> AbortAll(CheckpointFailureReason reason, string message) =>
        _pending.Keys.ToList().Select(id => AbortInternal(id, reason, message, countsAsFailure: false)!).ToList();

    /// <summary>The earliest time a pending checkpoint can time out, for the grain's timer.</summary>
    public DateTimeOffset? NextTimeout =>
        _pending.Count == 0 ? null : _pending.Values.Min(p => p.TriggerTime) + TimeSpan.FromMilliseconds(Settings.TimeoutMs);

    private FailedCheckpoint? AbortInternal(long id, CheckpointFailureReason reason, string message, bool countsAsFailure)
    {
        if (!_pending.Remove(id, out var pending)) return null;
        var now = _time.GetUtcNow();
        var failed = new FailedCheckpoint(id, pending.TriggerTime, now, reason, message, pending.Options);
        _failedCount++;
        if (countsAsFailure && !failed.IsSavepoint) ConsecutiveFailures++; // a failed savepoint never fails the job
        _lastEnd = now;
        Record(CheckpointHistoryEntry.Of(failed, pending.ExpectedCount, pending.Options.IsSavepoint));
        return failed;
    }

    private void Record(CheckpointHistoryEntry entry)
    {
        _history.AddFirst(entry);
        while (_history.Count > HistorySize) _history.RemoveLast();
    }
}
