using OrleansFlow.State;

namespace OrleansFlow.Tests.State;

/// <summary>The mean of longs, with a (sum, count) accumulator.</summary>
internal sealed class AverageAggregate : IAggregateFunction<long, (long Sum, long Count), double>
{
    public (long Sum, long Count) CreateAccumulator() => (0, 0);

    public (long Sum, long Count) Add(long value, (long Sum, long Count) accumulator) => (accumulator.Sum + value, accumulator.Count + 1);

    public double GetResult((long Sum, long Count) accumulator) => (double)accumulator.Sum / accumulator.Count;
}
