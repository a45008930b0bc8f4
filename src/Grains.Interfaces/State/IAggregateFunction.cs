namespace OrleansFlow.State;

/// <summary>An incremental aggregation (Flink's <c>AggregateFunction</c>). Implementations must be pure.</summary>
public interface IAggregateFunction<in TIn, TAcc, out TOut>
{
    /// <summary>A new, empty accumulator.</summary>
    TAcc CreateAccumulator();

    /// <summary>Adds one input; returns the accumulator to keep (may be the same instance).</summary>
    TAcc Add(TIn value, TAcc accumulator);

    /// <summary>The result of an accumulator.</summary>
    TOut GetResult(TAcc accumulator);
}
