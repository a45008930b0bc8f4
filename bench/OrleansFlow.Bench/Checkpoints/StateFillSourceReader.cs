using OrleansFlow.Api;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Some stride splits of <see cref="StateFillSource"/>: split j emits key <c>j + offset × n</c> until the keys run out,
/// then <see cref="SourceReaderStatus.NothingAvailable"/> forever (the task then polls every few milliseconds, which is
/// next to no work, so checkpoints of the filled state are measured on an otherwise idle job).
/// </summary>
internal sealed class StateFillSourceReader(long keys, IReadOnlyList<int> splits, int splitCount) : ISourceReader<long>
{
    private readonly int[] _splits = [.. splits];
    private readonly long[] _offsets = new long[splits.Count];

    /// <inheritdoc />
    public long GetOffset(int split) => _offsets[Array.IndexOf(_splits, split)];

    /// <inheritdoc />
    public void Seek(int split, long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        _offsets[Array.IndexOf(_splits, split)] = offset;
    }

    /// <inheritdoc />
    public SourceReaderStatus Poll(ICollector<long> output, int maxRecords)
    {
        ArgumentNullException.ThrowIfNull(output);
        var budget = maxRecords;
        for (var i = 0; i < _splits.Length && budget > 0; i++)
        {
            var split = _splits[i];
            var size = keys <= split ? 0 : (keys - split + splitCount - 1) / splitCount;
            var n = (int)Math.Min(budget, size - _offsets[i]);
            if (n <= 0) continue;
            var key = split + _offsets[i] * splitCount;
            for (var k = 0; k < n; k++)
            {
                output.Collect(key);
                key += splitCount;
            }
            _offsets[i] += n;
            budget -= n;
        }
        return budget == maxRecords ? SourceReaderStatus.NothingAvailable : SourceReaderStatus.MoreAvailable;
    }
}
