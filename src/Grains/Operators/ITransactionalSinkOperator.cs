using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>
/// A sink operator whose output is exactly-once (two-phase commit). It keeps the pre-committed transactions that are
/// not yet committed; checkpoint <c>n</c> stores those up to <c>n</c>, and they are committed when <c>n</c> completes.
/// Every method runs on the task's thread; the returned tasks' continuations do too.
/// </summary>
internal interface ITransactionalSinkOperator
{
    /// <summary>The sink operator's uid.</summary>
    string Uid { get; }

    /// <summary>
    /// Barrier <paramref name="checkpointId"/> (or end of input, <see cref="SinkCommittable.EndOfInputCheckpointId"/>):
    /// seals the open transaction synchronously; the task yields, once it is durable, every uncommitted transaction up
    /// to <paramref name="checkpointId"/> (what the checkpoint must store).
    /// </summary>
    Task<IReadOnlyList<SinkCommittable>> SnapshotAsync(long checkpointId);

    /// <summary>Checkpoint <paramref name="checkpointId"/> completed: commits every pending transaction up to it.</summary>
    Task CommitAsync(long checkpointId);

    /// <summary>
    /// Deployment of a restarted attempt: commits <paramref name="restored"/> (transactions of the completed checkpoint
    /// restored from; their first commit may have been lost), then discards what older attempts left uncommitted.
    /// </summary>
    Task RecoverAsync(IReadOnlyList<SinkCommittable> restored, SinkDiscardScope scope);
}
