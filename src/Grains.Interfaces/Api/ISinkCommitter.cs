namespace OrleansFlow.Api;

/// <summary>
/// Makes pre-committed transactions of a <see cref="ITwoPhaseCommitSink"/> visible, and discards the ones that will never
/// be. The runtime commits a transaction once its checkpoint completed (every task acknowledged and the metadata
/// was written), again after a restart from that checkpoint (the first commit may have been lost), and at the end of
/// a bounded job. Both methods must therefore be idempotent, and may run on any silo.
/// </summary>
public interface ISinkCommitter
{
    /// <summary>
    /// Makes the transactions described by <paramref name="payloads"/> visible; one already visible is left as it is.
    /// Throws when a transaction can be neither committed nor found committed (its data is lost): the runtime never
    /// treats that as done.
    /// </summary>
    Task CommitAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes what attempts of the job before <see cref="SinkDiscardScope.Attempt"/> wrote and did not commit, for the
    /// old subtasks that <paramref name="scope"/> owns. Called by each sink subtask when it is deployed for a restart,
    /// after the restored checkpoint's transactions were committed.
    /// </summary>
    Task DiscardUncommittedAsync(SinkDiscardScope scope, CancellationToken cancellationToken = default);
}
