namespace OrleansFlow.Api;

/// <summary>
/// A function over a stream without keys connected with a broadcast stream (Flink's <c>BroadcastProcessFunction</c>).
/// Every subtask sees every broadcast element, and only that side may change the broadcast states, so every subtask
/// holds the same maps (write them from the broadcast element alone, not from the subtask's own data). Broadcast states
/// are in checkpoints and savepoints, restored equal on every subtask at any parallelism. Call order: <see cref="Open"/>,
/// then elements of both inputs in no order across them, then <see cref="OnEndOfInput"/>. On the task's turn; an
/// exception fails the task. Implement <see cref="ICheckpointedFunction"/> too for list or union state.
/// </summary>
public abstract class BroadcastProcessFunction<TIn1, TIn2, TOut>
{
    /// <summary>Called once before the first record.</summary>
    public virtual void Open(IRuntimeContext context) { }

    /// <summary>Processes a record of the non-broadcast input: broadcast state is read-only here.</summary>
    public abstract void ProcessElement(TIn1 value, BroadcastReadOnlyContext context, ICollector<TOut> output);

    /// <summary>Processes a broadcast record: broadcast state can be changed here.</summary>
    public abstract void ProcessBroadcastElement(TIn2 value, BroadcastContext context, ICollector<TOut> output);

    /// <summary>Called once when both inputs ended (bounded inputs); the broadcast states hold every broadcast record then.</summary>
    public virtual void OnEndOfInput(BroadcastReadOnlyContext context, ICollector<TOut> output) { }
}
