namespace OrleansFlow.Api.Graph;

internal sealed class FlatMapTransformation<TIn, TOut>(int id, Transformation input, Partitioning partitioning, Action<TIn, ICollector<TOut>> flatMap)
    : Transformation(id, "flatmap", input, partitioning)
{
    public Action<TIn, ICollector<TOut>> FlatMap { get; } = flatMap;
    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitFlatMap(this, output);
}
