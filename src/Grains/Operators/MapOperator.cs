using OrleansFlow.Api;

namespace OrleansFlow.Operators;

internal sealed class MapOperator<TIn, TOut>(Func<TIn, TOut> map, ICollector<TOut> output) : ICollector<TIn>
{
    public void Collect(TIn record) => output.Collect(map(record));
}
