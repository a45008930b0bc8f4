namespace OrleansFlow.Api.EventTime;

/// <summary>
/// Generates watermarks from the events of one source split (Flink's <c>WatermarkGenerator</c>). Protocol:
/// <see cref="OnEvent"/> for every event of the split, in order, and <see cref="OnPeriodicEmit"/> every
/// <c>OrleansFlow:AutoWatermarkInterval</c>; both may emit. One instance per split, on the task's turn.
/// </summary>
public interface IWatermarkGenerator<in T>
{
    /// <summary>An event with event time <paramref name="timestamp"/> (epoch milliseconds).</summary>
    void OnEvent(T value, long timestamp, IWatermarkOutput output);

    /// <summary>The periodic emission.</summary>
    void OnPeriodicEmit(IWatermarkOutput output);
}
