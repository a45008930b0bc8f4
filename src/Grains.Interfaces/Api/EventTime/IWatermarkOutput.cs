namespace OrleansFlow.Api.EventTime;

/// <summary>Where a <see cref="IWatermarkGenerator{T}"/> emits (Flink's <c>WatermarkOutput</c>). Runs on the task's turn.</summary>
public interface IWatermarkOutput
{
    /// <summary>Event time reached <paramref name="timestamp"/> (epoch milliseconds); a watermark that does not advance is ignored.</summary>
    void EmitWatermark(long timestamp);

    /// <summary>This output is idle: it does not hold event time back until it emits again.</summary>
    void MarkIdle();

    /// <summary>This output is active again.</summary>
    void MarkActive();
}
