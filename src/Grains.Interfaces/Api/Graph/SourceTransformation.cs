namespace OrleansFlow.Api.Graph;

internal sealed class SourceTransformation<T>(int id, ISource<T> source, EventTime.WatermarkStrategy<T>? watermarks = null) : Transformation(id, "source", null, null), ISourceTransformation
{
    public int SplitCount => Source.SplitCount;

    public bool IsBounded => Source.IsBounded;

    public ISource<T> Source { get; } = source;

    /// <summary>How the source assigns event time and generates watermarks, or null for none.</summary>
    public EventTime.WatermarkStrategy<T>? Watermarks { get; } = watermarks;

    /// <inheritdoc />
    public override bool StartsEventTime => Watermarks is not null;
    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitSource(this, output);
}
