namespace OrleansFlow.Api;

/// <summary>
/// A sink writer with exactly-once output (Flink's <c>TwoPhaseCommittingSink</c>): records go into a transaction that
/// nobody sees; a checkpoint barrier seals it (pre-commit); only when that checkpoint completed does an
/// <see cref="ISinkCommitter"/> make it visible (commit). A restart discards transactions of checkpoints that never
/// completed, so each record is visible exactly once.
/// <para>
/// Protocol, on the task's thread: <see cref="ICollector{T}.Collect"/> any number of times;
/// <see cref="PrepareCommitAsync"/> on every barrier and once at end of input (with
/// <see cref="SinkCommittable.EndOfInputCheckpointId"/>) instead of <see cref="ISinkWriter{T}.EndOfInput"/>;
/// <see cref="IDisposable.Dispose"/> when the task ends, which deletes the open (not yet sealed) transaction but never a
/// sealed one. Not thread-safe.
/// </para>
/// </summary>
public interface ITwoPhaseCommitSinkWriter<in T> : ISinkWriter<T>
{
    /// <summary>
    /// Seals the records collected since the previous call into a transaction. The part of the method before its
    /// first <c>await</c> runs in the checkpoint's synchronous phase and must only seal (records collected after it
    /// returns belong to the next transaction); the returned task completes when the sealed records are durable but
    /// still invisible, and yields the payload a committer needs, or <see langword="null"/> when nothing was written.
    /// A failure fails the checkpoint; the transaction is then discarded on restart.
    /// </summary>
    Task<string?> PrepareCommitAsync(long checkpointId);
}
