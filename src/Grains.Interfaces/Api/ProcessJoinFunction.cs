namespace OrleansFlow.Api;

/// <summary>
/// Called for each pair of an interval join (Flink's <c>ProcessJoinFunction</c>): a left and a right record of one key
/// whose event times lie within the join's bounds. One instance per subtask, on the task's turn.
/// </summary>
public abstract class ProcessJoinFunction<TLeft, TRight, TOut>
{
    /// <summary>Called once before the first pair.</summary>
    public virtual void Open(IRuntimeContext context) { }

    /// <summary>Processes one joined pair; its output carries the later of the two event times.</summary>
    public abstract void ProcessElement(TLeft left, TRight right, JoinContext context, ICollector<TOut> output);
}
