namespace OrleansFlow.Api;

/// <summary>What a <see cref="ProcessFunction{TIn, TOut}"/> learns with each record.</summary>
public abstract class ProcessContext
{
    /// <summary>The record's event time (epoch milliseconds), or null when it has none.</summary>
    public abstract long? Timestamp { get; }

    /// <summary>The operator's current input watermark (<see cref="long.MinValue"/> before the first).</summary>
    public abstract long CurrentWatermark { get; }

    /// <summary>Emits <paramref name="value"/> into side output <paramref name="tag"/>, with the record's event time.</summary>
    public abstract void Output<T>(OutputTag<T> tag, T value);
}
