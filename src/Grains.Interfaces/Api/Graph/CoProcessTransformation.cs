namespace OrleansFlow.Api.Graph;

internal sealed class CoProcessTransformation<TIn1, TIn2, TOut>(
    int id, Transformation input1, Partitioning partitioning1, Transformation input2, Partitioning partitioning2,
    Func<CoProcessFunction<TIn1, TIn2, TOut>> functionFactory)
    : Transformation(id, "co-process", input1, partitioning1), ITwoInputTransformation
{
    public Transformation Input2 { get; } = input2;

    public Partitioning Partitioning2 { get; } = partitioning2;

    /// <summary>Creates a fresh function instance per subtask.</summary>
    public Func<CoProcessFunction<TIn1, TIn2, TOut>> FunctionFactory { get; } = functionFactory;

    public override bool CanEmitSideOutputs => true;

    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitCoProcess(this, output);
}
