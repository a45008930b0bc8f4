using OrleansFlow.Api.Graph;

namespace OrleansFlow.Jobs;

/// <summary>
/// A data exchange between two vertices. <see cref="TargetInputOrdinal"/> is its position among the target's inputs.
/// <see cref="SideOutput"/>, when set, says the edge carries that side output of an operator of the source vertex
/// rather than the vertex's main output. <see cref="InputIndex"/> is which input of the target's head it feeds (0, or 1
/// for the second input of a two-input operator).
/// </summary>
internal sealed record JobEdge(
    JobVertex Source, JobVertex Target, Partitioning Partitioning, int TargetInputOrdinal, ISideOutputTransformation? SideOutput = null, int InputIndex = 0);
