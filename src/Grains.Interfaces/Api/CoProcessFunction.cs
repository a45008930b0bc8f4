namespace OrleansFlow.Api;

/// <summary>
/// A function over two connected streams without keys (Flink's <c>CoProcessFunction</c>): each subtask gets its share
/// of both inputs, in no order across them. No keyed state and no timers (key the streams for those:
/// <see cref="KeyedCoProcessFunction{TKey, TIn1, TIn2, TOut}"/>). On the task's turn; an exception fails it.
/// </summary>
public abstract class CoProcessFunction<TIn1, TIn2, TOut>
{
    /// <summary>Called once before the first record.</summary>
    public virtual void Open(IRuntimeContext context) { }

    /// <summary>Processes a record of the first input.</summary>
    public abstract void ProcessElement1(TIn1 value, CoProcessContext context, ICollector<TOut> output);

    /// <summary>Processes a record of the second input.</summary>
    public abstract void ProcessElement2(TIn2 value, CoProcessContext context, ICollector<TOut> output);

    /// <summary>Called once when both inputs ended (bounded inputs).</summary>
    public virtual void OnEndOfInput(ICollector<TOut> output) { }
}
