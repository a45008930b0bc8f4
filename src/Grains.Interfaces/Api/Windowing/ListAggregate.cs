using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>Keeps every element of a window (for a window <c>Process</c>), in arrival order.</summary>
internal sealed class ListAggregate<T> : IAggregateFunction<T, List<T>, IReadOnlyList<T>>
{
    public List<T> CreateAccumulator() => [];

    public List<T> Add(T value, List<T> accumulator)
    {
        accumulator.Add(value);
        return accumulator;
    }

    public IReadOnlyList<T> GetResult(List<T> accumulator) => accumulator;

    public List<T> Merge(List<T> first, List<T> second)
    {
        first.AddRange(second);
        return first;
    }
}
