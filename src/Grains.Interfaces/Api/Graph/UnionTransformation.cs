namespace OrleansFlow.Api.Graph;

/// <summary>
/// The union of streams of one type (virtual, as Flink's <c>UnionTransformation</c>): no operator of its own; each
/// consumer reads every input over an edge of its own, and its input watermark is the minimum over all of them.
/// </summary>
internal sealed class UnionTransformation<T>(int id, IReadOnlyList<Transformation> inputs)
    : Transformation(id, "union", inputs[0], null), IUnionTransformation
{
    public IReadOnlyList<Transformation> Inputs { get; } = inputs;

    /// <summary>Never part of a chain: the job graph turns it into edges.</summary>
    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) =>
        throw new InvalidOperationException($"Union '{Uid}' is not an operator: its consumers read each of its inputs.");
}
