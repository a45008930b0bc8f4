using Orleans.Placement;

namespace OrleansFlow.Placement;

/// <summary>Marks a grain class keyed by a silo address for <see cref="SiloPinnedPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloPinnedPlacementAttribute() : PlacementAttribute(SiloPinnedPlacement.Instance);
