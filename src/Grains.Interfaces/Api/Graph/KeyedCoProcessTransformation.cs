namespace OrleansFlow.Api.Graph;

internal sealed class KeyedCoProcessTransformation<TKey, TIn1, TIn2, TOut>(
    int id, Transformation input1, KeyGroupPartitioning<TIn1, TKey> partitioning1, Transformation input2, KeyGroupPartitioning<TIn2, TKey> partitioning2,
    Func<KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut>> functionFactory)
    : Transformation(id, "co-process", input1, partitioning1), ITwoInputTransformation where TKey : notnull
{
    public Transformation Input2 { get; } = input2;

    public Partitioning Partitioning2 => partitioning2;

    public Func<TIn1, TKey> KeySelector1 => partitioning1.KeySelector;

    public Func<TIn2, TKey> KeySelector2 => partitioning2.KeySelector;

    /// <summary>Creates a fresh function instance per subtask.</summary>
    public Func<KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut>> FunctionFactory { get; } = functionFactory;

    public override bool CanEmitSideOutputs => true;

    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitKeyedCoProcess(this, output);
}
