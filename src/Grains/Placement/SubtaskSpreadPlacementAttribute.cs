using Orleans.Placement;

namespace OrleansFlow.Placement;

/// <summary>Marks a grain class keyed <c>{jobId}/{vertex}/{subtask}</c> for <see cref="SubtaskSpreadPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SubtaskSpreadPlacementAttribute() : PlacementAttribute(SubtaskSpreadPlacement.Instance);
