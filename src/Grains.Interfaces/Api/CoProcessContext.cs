namespace OrleansFlow.Api;

/// <summary>What a <see cref="CoProcessFunction{TIn1, TIn2, TOut}"/> learns with each record.</summary>
public abstract class CoProcessContext
{
    /// <summary>The record's event time (epoch milliseconds), or null when it has none.</summary>
    public abstract long? Timestamp { get; }

    /// <summary>The operator's current input watermark, the minimum over both inputs (<see cref="long.MinValue"/> before the first).</summary>
    public abstract long CurrentWatermark { get; }

    /// <summary>Emits <paramref name="value"/> into side output <paramref name="tag"/> (read with <see cref="DataStream{T}.GetSideOutput{TSide}"/>).</summary>
    public abstract void Output<T>(OutputTag<T> tag, T value);
}
