using OrleansFlow.Api;

namespace OrleansFlow.Operators;

internal sealed class FlatMapOperator<TIn, TOut>(Action<TIn, ICollector<TOut>> flatMap, IOutput<TOut> output) : OneInputOperator<TIn, TOut>(output)
{
    public override void Collect(TIn record) => flatMap(record, Output);
}
