namespace OrleansFlow.Api.Graph;

internal sealed class KeyedProcessTransformation<TKey, TIn, TOut>(
    int id, string kind, Transformation input, KeyGroupPartitioning<TIn, TKey> partitioning, Func<KeyedProcessFunction<TKey, TIn, TOut>> functionFactory)
    : Transformation(id, kind, input, partitioning) where TKey : notnull
{
    public Func<TIn, TKey> KeySelector => partitioning.KeySelector;

    /// <summary>Creates a fresh function instance per subtask.</summary>
    public Func<KeyedProcessFunction<TKey, TIn, TOut>> FunctionFactory { get; } = functionFactory;

    public override bool CanEmitSideOutputs => true;

    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitKeyedProcess(this, output);
}
