namespace OrleansFlow.Api.Graph;

internal sealed class ProcessTransformation<TIn, TOut>(int id, Transformation input, Partitioning partitioning, Func<ProcessFunction<TIn, TOut>> functionFactory)
    : Transformation(id, "process", input, partitioning)
{
    /// <summary>Creates a fresh function instance per subtask.</summary>
    public Func<ProcessFunction<TIn, TOut>> FunctionFactory { get; } = functionFactory;

    public override bool CanEmitSideOutputs => true;

    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitProcess(this, output);
}
