namespace OrleansFlow.Api.EventTime;

/// <summary>
/// Marks a split idle when it had no event for a timeout (Flink's <c>WatermarksWithIdleness</c>), measured on the
/// injected <see cref="TimeProvider"/>; the next event makes it active again. Wraps another generator.
/// </summary>
public sealed class IdlenessWatermarks<T> : IWatermarkGenerator<T>
{
    private readonly IWatermarkGenerator<T> _inner;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private long _lastEvent;
    private bool _idle;

    /// <summary>Wraps <paramref name="inner"/>: idle after <paramref name="timeout"/> without an event.</summary>
    public IdlenessWatermarks(IWatermarkGenerator<T> inner, TimeSpan timeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _inner = inner;
        _time = time;
        _timeout = timeout;
        _lastEvent = time.GetTimestamp();
    }

    /// <inheritdoc />
    public void OnEvent(T value, long timestamp, IWatermarkOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _lastEvent = _time.GetTimestamp();
        if (_idle)
        {
            _idle = false;
            output.MarkActive();
        }
        _inner.OnEvent(value, timestamp, output);
    }

    /// <inheritdoc />
    public void OnPeriodicEmit(IWatermarkOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_idle) return;
        if (_time.GetElapsedTime(_lastEvent) >= _timeout)
        {
            _idle = true;
            output.MarkIdle();
            return;
        }
        _inner.OnPeriodicEmit(output);
    }
}
