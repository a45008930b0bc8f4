namespace OrleansFlow.Api.Graph;

internal sealed class SourceTransformation<T>(int id, ISource<T> source) : Transformation(id, "source", null, null)
{
    public ISource<T> Source { get; } = source;
    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitSource(this, output);
}
