namespace OrleansFlow.Api;

/// <summary>An interval join with its bounds: process its pairs with <see cref="Process{TOut}"/>.</summary>
public sealed class IntervalJoinBetween<TKey, TLeft, TRight> where TKey : notnull
{
    private readonly KeyedConnectedStreams<TKey, TLeft, TRight> _connected;
    private readonly long _lower;
    private readonly long _upper;

    internal IntervalJoinBetween(KeyedConnectedStreams<TKey, TLeft, TRight> connected, long lower, long upper)
    {
        _connected = connected;
        _lower = lower;
        _upper = upper;
    }

    /// <summary>
    /// Calls a function made per subtask by <paramref name="functionFactory"/> for each pair. Records are buffered per
    /// key in map state (<c>join-left</c>, <c>join-right</c>, keyed by event time) until the watermark passes the last
    /// time they can still match; a record that arrives behind the watermark is late and dropped, as in Flink.
    /// </summary>
    public DataStream<TOut> Process<TOut>(Func<ProcessJoinFunction<TLeft, TRight, TOut>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(functionFactory);
        var (lower, upper) = (_lower, _upper);
        return _connected.Process(() => new IntervalJoinFunction<TKey, TLeft, TRight, TOut>(lower, upper, functionFactory()));
    }
}
