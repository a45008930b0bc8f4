using OrleansFlow.Api;

namespace OrleansFlow.Operators;

internal sealed class FlatMapOperator<TIn, TOut>(Action<TIn, ICollector<TOut>> flatMap, ICollector<TOut> output) : ICollector<TIn>
{
    public void Collect(TIn record) => flatMap(record, output);
}
