using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>What the broadcast side of a <see cref="KeyedBroadcastProcessFunction{TKey, TIn1, TIn2, TOut}"/> sees with each record (no current key).</summary>
public abstract class KeyedBroadcastContext<TKey> where TKey : notnull
{
    /// <summary>The record's event time (epoch milliseconds), or null when it has none.</summary>
    public abstract long? Timestamp { get; }

    /// <summary>The operator's input watermark, the minimum over both inputs.</summary>
    public abstract long CurrentWatermark { get; }

    /// <summary>A broadcast state the broadcast stream declared, writable; throws for one it did not declare.</summary>
    public abstract IBroadcastState<TK, TV> GetBroadcastState<TK, TV>(MapStateDescriptor<TK, TV> descriptor) where TK : notnull;

    /// <summary>
    /// Makes each key of this subtask that has a value in <paramref name="state"/> current in turn and calls
    /// <paramref name="action"/> (Flink's <c>applyToKeyedState</c>): read or clear that key's state through the handles
    /// from <see cref="IRuntimeContext.State"/>.
    /// </summary>
    public abstract void ApplyToKeyedState(StateDescriptor state, Action<TKey> action);

    /// <summary>Emits <paramref name="value"/> into side output <paramref name="tag"/>.</summary>
    public abstract void Output<T>(OutputTag<T> tag, T value);
}
