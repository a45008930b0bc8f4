using OrleansFlow.Api;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Emits every key 0 … <paramref name="keys"/>−1 once (split j of 128 emits j, j+128, …), then has nothing more to read
/// but never ends: the job keeps running with the state the keys made, which is what a checkpoint then captures.
/// </summary>
public sealed class StateFillSource(long keys) : ISource<long>
{
    /// <inheritdoc />
    public bool IsBounded => false;

    /// <inheritdoc />
    public int SplitCount => 128;

    /// <inheritdoc />
    public ISourceReader<long> CreateReader(IReadOnlyList<int> splits, TimeProvider timeProvider) =>
        new StateFillSourceReader(keys, splits, SplitCount);
}
