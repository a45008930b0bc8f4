namespace OrleansFlow.Resources;

/// <summary>The cluster's task slots, as Flink's overview reports them.</summary>
/// <param name="Total">Slots offered by the active silos.</param>
/// <param name="Available">Slots no job holds.</param>
/// <param name="TaskManagers">Active silos.</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.ClusterSlots")]
public sealed record ClusterSlots([property: Id(0)] int Total, [property: Id(1)] int Available, [property: Id(2)] int TaskManagers);
