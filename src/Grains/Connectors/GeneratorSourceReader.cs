using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>Reads one stride split of a <see cref="GeneratorSource{T}"/>.</summary>
internal sealed class GeneratorSourceReader<T>(
    long count, Func<long, T> generator, int split, int splits, double eventsPerSecond, TimeProvider timeProvider) : ISourceReader<T>
{
    private long _offset;
    private long _rateStartOffset;
    private long _rateStartTimestamp = -1;

    /// <summary>The number of events this split emitted; the next event is <c>split + offset * splits</c>.</summary>
    public long Offset => _offset;

    /// <summary>The number of events in this split (long.MaxValue when unbounded).</summary>
    public long SplitSize => count <= 0 ? long.MaxValue : count <= split ? 0 : (count - split + splits - 1) / splits;

    public void Seek(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        _offset = offset;
        _rateStartTimestamp = -1;
    }

    public SourceReaderStatus Poll(ICollector<T> output, int maxRecords)
    {
        var remaining = SplitSize - _offset;
        if (remaining <= 0) return SourceReaderStatus.EndOfInput;
        var n = (int)Math.Min(maxRecords, remaining);
        if (eventsPerSecond > 0)
        {
            n = (int)Math.Min(n, AllowedByRate());
            if (n <= 0) return SourceReaderStatus.NothingAvailable;
        }

        var index = split + _offset * splits;
        for (var i = 0; i < n; i++)
        {
            output.Collect(generator(index));
            index += splits;
        }
        _offset += n;
        return _offset >= SplitSize ? SourceReaderStatus.EndOfInput : SourceReaderStatus.MoreAvailable;
    }

    private long AllowedByRate()
    {
        var now = timeProvider.GetTimestamp();
        if (_rateStartTimestamp < 0)
        {
            _rateStartTimestamp = now;
            _rateStartOffset = _offset;
        }
        var elapsed = timeProvider.GetElapsedTime(_rateStartTimestamp, now).TotalSeconds;
        var due = (long)(elapsed * eventsPerSecond) + 1;
        return due - (_offset - _rateStartOffset);
    }
}
