namespace OrleansFlow.Api;

/// <summary>What a <see cref="CoProcessFunction{TIn1, TIn2, TOut}"/> learns with each record.</summary>
public abstract class CoProcessContext
{
    /// <summary>The record's event time (epoch milliseconds), or null when it has none.</summary>
    public abstract long? Timestamp { get; }

    /// <summary>The operator's current input watermark, the minimum over both inputs (<see cref="long.MinValue"/> before the first).</summary>
    public abstract long CurrentWatermark { get; }
}
