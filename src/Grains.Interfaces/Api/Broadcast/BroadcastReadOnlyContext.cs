using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>What the non-broadcast side of a <see cref="BroadcastProcessFunction{TIn1, TIn2, TOut}"/> sees with each record.</summary>
public abstract class BroadcastReadOnlyContext
{
    /// <summary>The record's event time (epoch milliseconds), or null when it has none.</summary>
    public abstract long? Timestamp { get; }

    /// <summary>The operator's input watermark, the minimum over both inputs (<see cref="long.MinValue"/> before the first).</summary>
    public abstract long CurrentWatermark { get; }

    /// <summary>A broadcast state the broadcast stream declared, read-only; throws for one it did not declare.</summary>
    public abstract IReadOnlyBroadcastState<TKey, TValue> GetBroadcastState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull;

    /// <summary>Emits <paramref name="value"/> into side output <paramref name="tag"/>.</summary>
    public abstract void Output<T>(OutputTag<T> tag, T value);
}
