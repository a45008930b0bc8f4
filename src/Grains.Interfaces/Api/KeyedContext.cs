using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>The context a <see cref="KeyedProcessFunction{TKey, TIn, TOut}"/> gets with each call.</summary>
public abstract class KeyedContext<TKey> where TKey : notnull
{
    /// <summary>The key of the record being processed (or, in <c>ApplyToAllKeys</c>, of the key being visited).</summary>
    public abstract TKey CurrentKey { get; }

    /// <summary>The event time of the record being processed (epoch milliseconds), or null when the job has no event time.</summary>
    public virtual long? Timestamp => null;

    /// <summary>
    /// Emits <paramref name="value"/> into side output <paramref name="tag"/> (read with
    /// <see cref="DataStream{T}.GetSideOutput{TSide}"/>), with the current record's event time. A tag nobody reads drops it.
    /// </summary>
    public abstract void Output<T>(OutputTag<T> tag, T value);

    /// <summary>Sets the event time of what the function emits next (joins give a pair the later of its two times); the runtime's own functions only.</summary>
    internal virtual void SetOutputTimestamp(long timestamp) { }

    /// <summary>The current key's timers, and the current watermark and processing time.</summary>
    public abstract ITimerService TimerService { get; }

    /// <summary>
    /// Makes each key that has a value in <paramref name="state"/> current in turn and calls <paramref name="action"/>
    /// with it (Flink's <c>applyToAllKeys</c>). The action may read and clear state, not add keys.
    /// </summary>
    public abstract void ApplyToAllKeys(StateDescriptor state, Action<TKey> action);
}
