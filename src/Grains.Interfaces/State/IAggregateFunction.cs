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

    /// <summary>
    /// Combines two accumulators into one (session windows merge theirs when sessions join). Returns the accumulator to
    /// keep, which may be one of the two. The default throws: implement it to use the function with merging windows.
    /// </summary>
    TAcc Merge(TAcc first, TAcc second) =>
        throw new NotSupportedException($"{GetType().Name} does not implement IAggregateFunction.Merge, which merging (session) windows need.");
}
