using OrleansFlow.Api;

namespace OrleansFlow.Operators;

internal sealed class FilterOperator<T>(Func<T, bool> predicate, ICollector<T> output) : ICollector<T>
{
    public void Collect(T record)
    {
        if (predicate(record)) output.Collect(record);
    }
}
