namespace OrleansFlow.Api;

/// <summary>
/// A function over a stream without keys (Flink's <c>ProcessFunction</c>): each subtask gets its share of the input.
/// For state, implement <see cref="ICheckpointedFunction"/> (operator state: list, union list or broadcast). One instance
/// per subtask; call order: <see cref="ICheckpointedFunction.InitializeState"/> (when implemented), <see cref="Open"/>,
/// <see cref="ProcessElement"/> per record, <see cref="OnEndOfInput"/> when a bounded input ended. On the task's turn;
/// an exception fails the task.
/// </summary>
public abstract class ProcessFunction<TIn, TOut>
{
    /// <summary>Called once before the first record.</summary>
    public virtual void Open(IRuntimeContext context) { }

    /// <summary>Processes one record.</summary>
    public abstract void ProcessElement(TIn value, ProcessContext context, ICollector<TOut> output);

    /// <summary>Called once when the input ended (bounded input).</summary>
    public virtual void OnEndOfInput(ICollector<TOut> output) { }
}
