namespace OrleansFlow.Api;

/// <summary>
/// A function over a keyed stream with keyed state (Flink's <c>KeyedProcessFunction</c>). One instance per subtask;
/// call order: <see cref="Open"/>, then <see cref="ProcessElement"/> per record and <see cref="OnTimer"/> per timer that
/// fires (interleaved as time passes), then <see cref="OnEndOfInput"/> when a bounded input ended (after its final
/// watermark fired every event-time timer). All calls come from the task's processing thread. An exception fails the task.
/// </summary>
public abstract class KeyedProcessFunction<TKey, TIn, TOut> where TKey : notnull
{
    /// <summary>Called once before the first record: get state handles from <see cref="IRuntimeContext.State"/> here.</summary>
    public virtual void Open(IRuntimeContext context) { }

    /// <summary>Processes one record of key <see cref="KeyedContext{TKey}.CurrentKey"/>.</summary>
    public abstract void ProcessElement(TIn value, KeyedContext<TKey> context, ICollector<TOut> output);

    /// <summary>
    /// A timer registered through <see cref="KeyedContext{TKey}.TimerService"/> fired: <paramref name="timestamp"/> is its
    /// time, <paramref name="context"/> has its key current and tells its time domain. Output of an event-time timer
    /// carries <paramref name="timestamp"/> as its event time.
    /// </summary>
    public virtual void OnTimer(long timestamp, OnTimerContext<TKey> context, ICollector<TOut> output) { }

    /// <summary>Called once when every input has ended (bounded input), before end of input flows downstream.</summary>
    public virtual void OnEndOfInput(KeyedContext<TKey> context, ICollector<TOut> output) { }
}
