namespace OrleansFlow.Api.Graph;

internal sealed class FilterTransformation<T>(int id, Transformation input, Partitioning partitioning, Func<T, bool> predicate)
    : Transformation(id, "filter", input, partitioning)
{
    public Func<T, bool> Predicate { get; } = predicate;
    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitFilter(this, output);
}
