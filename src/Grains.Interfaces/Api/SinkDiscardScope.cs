namespace OrleansFlow.Api;

/// <summary>
/// Which leftovers a restarted sink subtask discards: those of attempts before <paramref name="Attempt"/> written by an
/// old subtask <c>s</c> with <c>s % Parallelism == Subtask</c> (so, after rescaling too, every old subtask's leftovers
/// have exactly one owner).
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="OperatorUid">The sink operator.</param>
/// <param name="Subtask">The new subtask.</param>
/// <param name="Parallelism">The sink's new parallelism.</param>
/// <param name="Attempt">The new attempt; everything older is discarded.</param>
public sealed record SinkDiscardScope(string JobId, string OperatorUid, int Subtask, int Parallelism, int Attempt)
{
    /// <summary>Whether leftovers of old subtask <paramref name="oldSubtask"/> from <paramref name="attempt"/> are this scope's to discard.</summary>
    public bool Owns(int oldSubtask, int attempt) => attempt < Attempt && oldSubtask >= 0 && oldSubtask % Parallelism == Subtask;
}
