namespace OrleansFlow.Api.EventTime;

/// <summary>
/// Watermarks for events out of order by at most a bound (Flink's <c>BoundedOutOfOrdernessWatermarks</c>): periodically
/// the largest timestamp seen minus the bound minus 1 ms, so an event exactly the bound behind the largest is not late.
/// </summary>
public sealed class BoundedOutOfOrdernessWatermarks<T> : IWatermarkGenerator<T>
{
    private readonly long _bound;
    private long _maxTimestamp;

    /// <summary>Allows events up to <paramref name="maxOutOfOrderness"/> behind the largest timestamp seen.</summary>
    public BoundedOutOfOrdernessWatermarks(TimeSpan maxOutOfOrderness)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutOfOrderness, TimeSpan.Zero);
        _bound = (long)maxOutOfOrderness.TotalMilliseconds;
        _maxTimestamp = long.MinValue + _bound + 1; // emits long.MinValue until the first event
    }

    /// <inheritdoc />
    public void OnEvent(T value, long timestamp, IWatermarkOutput output) => _maxTimestamp = Math.Max(_maxTimestamp, timestamp);

    /// <inheritdoc />
    public void OnPeriodicEmit(IWatermarkOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.EmitWatermark(_maxTimestamp - _bound - 1);
    }
}
