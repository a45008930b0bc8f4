namespace OrleansFlow.Api.Graph;

/// <summary>A union of streams (see <see cref="UnionTransformation{T}"/>), whatever its record type.</summary>
internal interface IUnionTransformation
{
    /// <summary>The streams united, in the order given.</summary>
    IReadOnlyList<Transformation> Inputs { get; }
}
