using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>
/// Reads some stride splits of a <see cref="GeneratorSource{T}"/>, taking turns between them: each poll emits up to an
/// equal share from every split that has events left.
/// </summary>
internal sealed class GeneratorSourceReader<T> : ISourceReader<T>
{
    private readonly long _count;
    private readonly Func<long, T> _generator;
    private readonly int[] _splits;
    private readonly long[] _offsets;
    private readonly int _splitCount;
    private readonly double _eventsPerSecond;
    private readonly TimeProvider _timeProvider;
    private long _emitted;
    private long _rateStartEmitted;
    private long _rateStartTimestamp = -1;
    private int _nextSplit; // where the next poll starts, so a budget smaller than the open splits reaches them all in turn

    public GeneratorSourceReader(long count, Func<long, T> generator, IReadOnlyList<int> splits, int splitCount, double eventsPerSecond, TimeProvider timeProvider)
    {
        foreach (var split in splits)
        {
            if ((uint)split >= (uint)splitCount) throw new ArgumentOutOfRangeException(nameof(splits), split, $"Split must be in [0, {splitCount}).");
        }
        _count = count;
        _generator = generator;
        _splits = [.. splits];
        _offsets = new long[_splits.Length];
        _splitCount = splitCount;
        _eventsPerSecond = eventsPerSecond;
        _timeProvider = timeProvider;
    }

    public long GetOffset(int split) => _offsets[IndexOf(split)];

    public void Seek(int split, long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        _offsets[IndexOf(split)] = offset;
        _rateStartTimestamp = -1;
    }

    /// <summary>The number of events in split <paramref name="split"/> (long.MaxValue when unbounded).</summary>
    public long SplitSize(int split) => _count <= 0 ? long.MaxValue : _count <= split ? 0 : (_count - split + _splitCount - 1) / _splitCount;

    public SourceReaderStatus Poll(ICollector<T> output, int maxRecords)
    {
        var budget = (long)maxRecords;
        if (_eventsPerSecond > 0)
        {
            budget = Math.Min(budget, AllowedByRate());
            if (budget <= 0) return Ended() ? SourceReaderStatus.EndOfInput : SourceReaderStatus.NothingAvailable;
        }
        var open = 0;
        for (var i = 0; i < _splits.Length; i++)
        {
            if (_offsets[i] < SplitSize(_splits[i])) open++;
        }
        if (open == 0) return SourceReaderStatus.EndOfInput;
        var share = Math.Max(1, budget / open);
        var last = -1;
        for (var step = 0; step < _splits.Length && budget > 0; step++)
        {
            var i = (_nextSplit + step) % _splits.Length;
            var split = _splits[i];
            var n = Math.Min(Math.Min(share, budget), SplitSize(split) - _offsets[i]);
            if (n <= 0) continue;
            var index = split + _offsets[i] * _splitCount;
            if (output is ISplitCollector<T> perSplit)
            {
                for (var k = 0; k < n; k++)
                {
                    perSplit.Collect(_generator(index), split);
                    index += _splitCount;
                }
            }
            else
            {
                for (var k = 0; k < n; k++)
                {
                    output.Collect(_generator(index));
                    index += _splitCount;
                }
            }
            _offsets[i] += n;
            budget -= n;
            _emitted += n;
            last = i;
        }
        if (last >= 0) _nextSplit = (last + 1) % _splits.Length;
        return Ended() ? SourceReaderStatus.EndOfInput : SourceReaderStatus.MoreAvailable;
    }

    private bool Ended()
    {
        for (var i = 0; i < _splits.Length; i++)
        {
            if (_offsets[i] < SplitSize(_splits[i])) return false;
        }
        return true;
    }

    private int IndexOf(int split)
    {
        var index = Array.IndexOf(_splits, split);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(split), split, "This reader does not read that split.");
    }

    private long AllowedByRate()
    {
        var now = _timeProvider.GetTimestamp();
        if (_rateStartTimestamp < 0)
        {
            _rateStartTimestamp = now;
            _rateStartEmitted = _emitted;
        }
        var elapsed = _timeProvider.GetElapsedTime(_rateStartTimestamp, now).TotalSeconds;
        var due = (long)(elapsed * _eventsPerSecond) + 1;
        return due - (_emitted - _rateStartEmitted);
    }
}
