using OrleansFlow.Api;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// One stride split of <see cref="StateFillSource"/>: key <c>split + offset × splits</c> until the keys run out, then
/// <see cref="SourceReaderStatus.NothingAvailable"/> forever (the task then polls every few milliseconds, which is
/// next to no work, so checkpoints of the filled state are measured on an otherwise idle job).
/// </summary>
internal sealed class StateFillSourceReader(long keys, int split, int splits) : ISourceReader<long>
{
    private readonly long _splitSize = keys <= split ? 0 : (keys - split + splits - 1) / splits;
    private long _offset;

    /// <inheritdoc />
    public long Offset => _offset;

    /// <inheritdoc />
    public void Seek(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        _offset = offset;
    }

    /// <inheritdoc />
    public SourceReaderStatus Poll(ICollector<long> output, int maxRecords)
    {
        ArgumentNullException.ThrowIfNull(output);
        var remaining = _splitSize - _offset;
        if (remaining <= 0) return SourceReaderStatus.NothingAvailable;
        var n = (int)Math.Min(maxRecords, remaining);
        var key = split + _offset * splits;
        for (var i = 0; i < n; i++)
        {
            output.Collect(key);
            key += splits;
        }
        _offset += n;
        return SourceReaderStatus.MoreAvailable;
    }
}
