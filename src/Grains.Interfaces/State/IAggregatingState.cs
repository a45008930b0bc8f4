namespace OrleansFlow.State;

/// <summary>An accumulator per key fed inputs and read as a result (Flink's <c>AggregatingState</c>).</summary>
public interface IAggregatingState<TIn, TOut> : IState
{
    /// <summary>Adds an input to the current key's accumulator (created when absent).</summary>
    void Add(TIn value);

    /// <summary>The result of the current key's accumulator; false when the key has none.</summary>
    bool TryGet(out TOut result);
}
