namespace OrleansFlow.Api.Graph;

internal sealed class MapTransformation<TIn, TOut>(int id, Transformation input, Partitioning partitioning, Func<TIn, TOut> map)
    : Transformation(id, "map", input, partitioning)
{
    public Func<TIn, TOut> Map { get; } = map;
    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitMap(this, output);
}
