namespace OrleansFlow.Placement;

/// <summary>
/// Places the subtasks of a vertex round-robin over the silos, so a job's tasks spread evenly instead of wherever the
/// first call came from. See <see cref="SubtaskSpreadPlacementDirector"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SubtaskSpreadPlacement")]
public sealed class SubtaskSpreadPlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static readonly SubtaskSpreadPlacement Instance = new();
}
