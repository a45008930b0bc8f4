namespace OrleansFlow.Api;

/// <summary>
/// A function over two connected streams keyed with the same key type (Flink's <c>KeyedCoProcessFunction</c>): both
/// inputs' records of a key reach the same subtask and share its keyed state and timers. One instance per subtask;
/// <see cref="Open"/> once, then <see cref="ProcessElement1"/> and <see cref="ProcessElement2"/> as records of either
/// input arrive (in no order across the inputs), <see cref="OnTimer"/> as timers fire, and <see cref="OnEndOfInput"/>
/// when both inputs ended. The watermark is the minimum over both inputs. On the task's turn; an exception fails it.
/// </summary>
public abstract class KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut> where TKey : notnull
{
    /// <summary>Called once before the first record: get state handles from <see cref="IRuntimeContext.State"/> here.</summary>
    public virtual void Open(IRuntimeContext context) { }

    /// <summary>Processes a record of the first input; its key is <see cref="KeyedContext{TKey}.CurrentKey"/>.</summary>
    public abstract void ProcessElement1(TIn1 value, KeyedContext<TKey> context, ICollector<TOut> output);

    /// <summary>Processes a record of the second input; its key is <see cref="KeyedContext{TKey}.CurrentKey"/>.</summary>
    public abstract void ProcessElement2(TIn2 value, KeyedContext<TKey> context, ICollector<TOut> output);

    /// <summary>A timer registered through <see cref="KeyedContext{TKey}.TimerService"/> fired (see <see cref="KeyedProcessFunction{TKey, TIn, TOut}.OnTimer"/>).</summary>
    public virtual void OnTimer(long timestamp, OnTimerContext<TKey> context, ICollector<TOut> output) { }

    /// <summary>Called once when both inputs ended (bounded inputs), after the final watermark fired every event-time timer.</summary>
    public virtual void OnEndOfInput(KeyedContext<TKey> context, ICollector<TOut> output) { }
}
