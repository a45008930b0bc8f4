namespace OrleansFlow.Api.Graph;

/// <summary>The side output <see cref="Tag"/> of <see cref="ISideOutputTransformation.Producer"/> as a stream (see <see cref="ISideOutputTransformation"/>).</summary>
internal sealed class SideOutputTransformation<T>(int id, Transformation producer, OutputTag<T> tag)
    : Transformation(id, "side-output", producer, null), ISideOutputTransformation
{
    public OutputTag<T> Tag { get; } = tag;

    public Transformation Producer => Input!;

    public string TagId => Tag.Id;

    public Type RecordType => typeof(T);

    public TResult Accept<TResult>(ISideOutputVisitor<TResult> visitor) => visitor.Visit(this);

    /// <summary>Never part of a chain: the job graph turns it into tagged edges.</summary>
    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) =>
        throw new InvalidOperationException($"Side output '{Tag.Id}' is not an operator: it is read through an edge of its own.");
}
