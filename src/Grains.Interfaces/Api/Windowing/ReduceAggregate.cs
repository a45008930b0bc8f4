using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>A reduce function as an aggregate (a window <c>Reduce</c> keeps one element per window).</summary>
internal sealed class ReduceAggregate<T>(Func<T, T, T> reduce) : IAggregateFunction<T, ReduceAccumulator<T>, T>
{
    public ReduceAccumulator<T> CreateAccumulator() => default;

    public ReduceAccumulator<T> Add(T value, ReduceAccumulator<T> accumulator) =>
        new(true, accumulator.HasValue ? reduce(accumulator.Value, value) : value);

    public T GetResult(ReduceAccumulator<T> accumulator) => accumulator.Value;

    public ReduceAccumulator<T> Merge(ReduceAccumulator<T> first, ReduceAccumulator<T> second) =>
        !first.HasValue ? second : !second.HasValue ? first : new(true, reduce(first.Value, second.Value));
}
