namespace OrleansFlow.Api.EventTime;

/// <summary>
/// How a source assigns event time and generates watermarks (Flink's <c>WatermarkStrategy</c>): a generator per source
/// split, a timestamp assigner, and optionally idleness. Immutable: the <c>With…</c> methods return a new strategy.
/// </summary>
public sealed class WatermarkStrategy<T>
{
    private readonly Func<IWatermarkGenerator<T>> _generator;

    private WatermarkStrategy(Func<IWatermarkGenerator<T>> generator, Func<T, long, long>? assigner, TimeSpan? idleness)
    {
        _generator = generator;
        TimestampAssigner = assigner;
        Idleness = idleness;
    }

    /// <summary>The event time of an event from it and the time its source gave it (or null: the source's time stays).</summary>
    public Func<T, long, long>? TimestampAssigner { get; }

    /// <summary>After how long without events a split is idle, or null for never.</summary>
    public TimeSpan? Idleness { get; }

    /// <summary>Events out of order by at most <paramref name="maxOutOfOrderness"/>.</summary>
    public static WatermarkStrategy<T> ForBoundedOutOfOrderness(TimeSpan maxOutOfOrderness)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutOfOrderness, TimeSpan.Zero);
        return new(() => new BoundedOutOfOrdernessWatermarks<T>(maxOutOfOrderness), null, null);
    }

    /// <summary>Events in timestamp order within each split (out of order by zero).</summary>
    public static WatermarkStrategy<T> ForMonotonousTimestamps() => ForBoundedOutOfOrderness(TimeSpan.Zero);

    /// <summary>A custom generator, one instance per split.</summary>
    public static WatermarkStrategy<T> ForGenerator(Func<IWatermarkGenerator<T>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return new(generator, null, null);
    }

    /// <summary>Takes each event's time from <paramref name="assigner"/>(event, the source's timestamp).</summary>
    public WatermarkStrategy<T> WithTimestampAssigner(Func<T, long, long> assigner)
    {
        ArgumentNullException.ThrowIfNull(assigner);
        return new(_generator, assigner, Idleness);
    }

    /// <summary>A split without events for <paramref name="timeout"/> is idle and does not hold event time back.</summary>
    public WatermarkStrategy<T> WithIdleness(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return new(_generator, TimestampAssigner, timeout);
    }

    /// <summary>A new generator for one split (wrapped for idleness when set).</summary>
    public IWatermarkGenerator<T> CreateGenerator(TimeProvider time)
    {
        var generator = _generator();
        return Idleness is { } timeout ? new IdlenessWatermarks<T>(generator, timeout, time) : generator;
    }
}
