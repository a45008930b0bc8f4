using OrleansFlow.Api.Graph;

namespace OrleansFlow.Jobs;

/// <summary>A data exchange between two vertices. <see cref="TargetInputOrdinal"/> is its position among the target's inputs.</summary>
internal sealed record JobEdge(JobVertex Source, JobVertex Target, Partitioning Partitioning, int TargetInputOrdinal);
