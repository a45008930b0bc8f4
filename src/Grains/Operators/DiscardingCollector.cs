using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>The output of a chain tail that has no consumer: records are dropped.</summary>
internal sealed class DiscardingCollector<T> : ICollector<T>
{
    public static readonly DiscardingCollector<T> Instance = new();

    public void Collect(T record) { }
}
