namespace OrleansFlow.Operators;

internal sealed class MapOperator<TIn, TOut>(Func<TIn, TOut> map, IOutput<TOut> output) : OneInputOperator<TIn, TOut>(output)
{
    public override void Collect(TIn record) => Output.Collect(map(record));
}
