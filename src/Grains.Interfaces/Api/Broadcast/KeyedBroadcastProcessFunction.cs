namespace OrleansFlow.Api;

/// <summary>
/// A function over a keyed stream connected with a broadcast stream (Flink's <c>KeyedBroadcastProcessFunction</c>):
/// keyed state and timers on the keyed side, broadcast states written only by the broadcast side (so every subtask
/// holds the same maps). The broadcast side has no current key: it reaches keyed state through
/// <see cref="KeyedBroadcastContext{TKey}.ApplyToKeyedState"/>. Call order: <see cref="Open"/> (get keyed state handles
/// from <see cref="IRuntimeContext.State"/>), then records of both inputs and timers as time passes, then
/// <see cref="OnEndOfInput"/>. On the task's turn; an exception fails the task.
/// </summary>
public abstract class KeyedBroadcastProcessFunction<TKey, TIn1, TIn2, TOut> where TKey : notnull
{
    /// <summary>Called once before the first record.</summary>
    public virtual void Open(IRuntimeContext context) { }

    /// <summary>Processes a record of the keyed input, its key current: broadcast state is read-only here.</summary>
    public abstract void ProcessElement(TIn1 value, KeyedBroadcastReadOnlyContext<TKey> context, ICollector<TOut> output);

    /// <summary>Processes a broadcast record: broadcast state can be changed here.</summary>
    public abstract void ProcessBroadcastElement(TIn2 value, KeyedBroadcastContext<TKey> context, ICollector<TOut> output);

    /// <summary>A timer of the keyed side fired, its key current.</summary>
    public virtual void OnTimer(long timestamp, KeyedBroadcastOnTimerContext<TKey> context, ICollector<TOut> output) { }

    /// <summary>Called once when both inputs ended (bounded inputs), after the final watermark fired every event-time timer.</summary>
    public virtual void OnEndOfInput(KeyedBroadcastReadOnlyContext<TKey> context, ICollector<TOut> output) { }
}
