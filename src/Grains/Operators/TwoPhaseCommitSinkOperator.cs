using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>Feeds an <see cref="ITwoPhaseCommitSinkWriter{T}"/> and tracks its pre-committed transactions.</summary>
internal sealed class TwoPhaseCommitSinkOperator<T>(
    string uid, int subtask, ITwoPhaseCommitSinkWriter<T> writer, ISinkCommitter committer)
    : SinkOperatorBase<T>, ITransactionalSinkOperator
{
    private readonly List<SinkCommittable> _pending = [];
    private Task _lastSnapshot = Task.CompletedTask;

    public string Uid => uid;

    /// <summary>The pre-committed transactions not yet committed.</summary>
    public IReadOnlyList<SinkCommittable> Pending => _pending;

    public override void Collect(T record) => writer.Collect(record);


    /// <summary>Nothing: at end of input the task seals the last transaction through <see cref="SnapshotAsync"/>.</summary>
    public override void EndInput() { }

    public override void Dispose() => writer.Dispose();

    public Task<IReadOnlyList<SinkCommittable>> SnapshotAsync(long checkpointId)
    {
        var prepared = writer.PrepareCommitAsync(checkpointId); // seals now, in the synchronous phase
        var snapshot = CompleteAsync(_lastSnapshot, prepared, checkpointId);
        _lastSnapshot = snapshot;
        return snapshot;
    }

    public async Task CommitAsync(long checkpointId)
    {
        var due = _pending.Where(c => c.CheckpointId <= checkpointId).ToList();
        if (due.Count == 0) return;
        await committer.CommitAsync(due.Select(c => c.Payload).ToList());
        _pending.RemoveAll(due.Contains);
    }

    public async Task RecoverAsync(IReadOnlyList<SinkCommittable> restored, SinkDiscardScope scope)
    {
        if (restored.Count > 0) await committer.CommitAsync(restored.Select(c => c.Payload).ToList());
        await committer.DiscardUncommittedAsync(scope);
    }

    /// <summary>
    /// Waits for the previous snapshot first, so transactions enter <see cref="_pending"/> in checkpoint order. A failed
    /// previous snapshot fails this one too: its records would otherwise be missing from every later checkpoint (the
    /// task must fail and restart from the last complete checkpoint).
    /// </summary>
    private async Task<IReadOnlyList<SinkCommittable>> CompleteAsync(Task previous, Task<string?> prepared, long checkpointId)
    {
        await previous;
        var payload = await prepared;
        if (payload is not null) _pending.Add(new SinkCommittable(checkpointId, subtask, payload));
        return _pending.Where(c => c.CheckpointId <= checkpointId).ToList();
    }
}
