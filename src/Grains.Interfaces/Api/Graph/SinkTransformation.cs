namespace OrleansFlow.Api.Graph;

internal sealed class SinkTransformation<T>(int id, Transformation input, Partitioning partitioning, ISink<T> sink)
    : Transformation(id, "sink", input, partitioning), ISinkTransformation
{
    public ISink<T> Sink { get; } = sink;

    public ITwoPhaseCommitSink? TwoPhaseCommitSink => Sink as ITwoPhaseCommitSink;
    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitSink(this, output);
}
