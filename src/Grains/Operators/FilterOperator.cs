namespace OrleansFlow.Operators;

internal sealed class FilterOperator<T>(Func<T, bool> predicate, IOutput<T> output) : OneInputOperator<T, T>(output)
{
    public override void Collect(T record)
    {
        if (predicate(record)) Output.Collect(record);
    }
}
