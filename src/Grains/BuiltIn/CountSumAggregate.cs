using OrleansFlow.State;

namespace OrleansFlow.BuiltIn;

/// <summary>The incremental aggregate of <c>window-sum</c>: the count and the sum of values.</summary>
internal sealed class CountSumAggregate : IAggregateFunction<WindowSumEvent, (long Count, long Sum), (long Count, long Sum)>
{
    public (long Count, long Sum) CreateAccumulator() => default;

    public (long Count, long Sum) Add(WindowSumEvent value, (long Count, long Sum) accumulator) => (accumulator.Count + 1, accumulator.Sum + value.Value);

    public (long Count, long Sum) GetResult((long Count, long Sum) accumulator) => accumulator;

    public (long Count, long Sum) Merge((long Count, long Sum) first, (long Count, long Sum) second) => (first.Count + second.Count, first.Sum + second.Sum);
}
