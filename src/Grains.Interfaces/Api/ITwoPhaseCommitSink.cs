namespace OrleansFlow.Api;

/// <summary>
/// A sink with exactly-once output: its <see cref="ISink{T}.CreateWriter"/> returns an
/// <see cref="ITwoPhaseCommitSinkWriter{T}"/>, and this creates the committer that publishes what the writers sealed.
/// </summary>
public interface ITwoPhaseCommitSink
{
    /// <summary>A committer for the sink operator <paramref name="operatorUid"/> of job <paramref name="jobId"/>.</summary>
    ISinkCommitter CreateCommitter(string jobId, string operatorUid);
}
