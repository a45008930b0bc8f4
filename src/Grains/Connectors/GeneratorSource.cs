using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>
/// A deterministic source of <c>count</c> events (0 = unbounded): event i is <c>generator(i)</c>. Divided into
/// <c>splits</c> stride splits (default 128): split j emits i = j, j+n, j+2n, …; a split's offset is how many it
/// emitted, so a reader can seek to any offset and a restore at another parallelism continues every split where it
/// stopped. <c>eventsPerSecond</c> (0 = as fast as possible) limits the rate over all splits together.
/// </summary>
public sealed class GeneratorSource<T> : ISource<T>
{
    /// <summary>The default number of splits.</summary>
    public const int DefaultSplits = 128;

    private readonly long _count;
    private readonly Func<long, T> _generator;
    private readonly double _eventsPerSecond;

    /// <summary>A generator of <paramref name="count"/> events in <paramref name="splits"/> splits.</summary>
    public GeneratorSource(long count, Func<long, T> generator, double eventsPerSecond = 0, int splits = DefaultSplits)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(splits, 1);
        _count = count;
        _generator = generator;
        _eventsPerSecond = eventsPerSecond;
        SplitCount = splits;
    }

    /// <inheritdoc />
    public bool IsBounded => _count > 0;

    /// <inheritdoc />
    public int SplitCount { get; }

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(IReadOnlyList<int> splits, TimeProvider timeProvider) =>
        new GeneratorSourceReader<T>(_count, _generator, splits, SplitCount, _eventsPerSecond * splits.Count / SplitCount, timeProvider);
}
