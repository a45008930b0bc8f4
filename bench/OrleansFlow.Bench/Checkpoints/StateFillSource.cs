using OrleansFlow.Api;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Emits every key 0 … <paramref name="keys"/>−1 once (subtask s of S emits s, s+S, …), then has nothing more to read
/// but never ends: the job keeps running with the state the keys made, which is what a checkpoint then captures.
/// </summary>
public sealed class StateFillSource(long keys) : ISource<long>
{
    /// <inheritdoc />
    public bool IsBounded => false;

    /// <inheritdoc />
    public ISourceReader<long> CreateReader(int subtaskIndex, int parallelism, TimeProvider timeProvider) =>
        new StateFillSourceReader(keys, subtaskIndex, parallelism);
}
