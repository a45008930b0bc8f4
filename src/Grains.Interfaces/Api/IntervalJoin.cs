namespace OrleansFlow.Api;

/// <summary>
/// An interval join of two keyed streams being set up (Flink's <c>KeyedStream.IntervalJoin</c>): give the bounds with
/// <see cref="Between"/>.
/// </summary>
public sealed class IntervalJoin<TKey, TLeft, TRight> where TKey : notnull
{
    private readonly KeyedConnectedStreams<TKey, TLeft, TRight> _connected;

    internal IntervalJoin(KeyedConnectedStreams<TKey, TLeft, TRight> connected) => _connected = connected;

    /// <summary>
    /// Joins a left record at time t with each right record of its key at a time in [t + <paramref name="lower"/>,
    /// t + <paramref name="upper"/>] (bounds inclusive, whole milliseconds, lower ≤ upper; negative is earlier).
    /// </summary>
    public IntervalJoinBetween<TKey, TLeft, TRight> Between(TimeSpan lower, TimeSpan upper)
    {
        if (lower.Ticks % TimeSpan.TicksPerMillisecond != 0 || upper.Ticks % TimeSpan.TicksPerMillisecond != 0)
            throw new ArgumentException("Interval join bounds must be whole milliseconds.");
        if (lower > upper) throw new ArgumentException($"The lower bound ({lower}) of an interval join must not exceed the upper bound ({upper}).");
        return new IntervalJoinBetween<TKey, TLeft, TRight>(_connected, (long)lower.TotalMilliseconds, (long)upper.TotalMilliseconds);
    }
}
