namespace OrleansFlow.Placement;

/// <summary>Places a grain keyed by a silo address (<c>SiloAddress.ToParsableString()</c>) on that silo. See <see cref="SiloPinnedPlacementDirector"/>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SiloPinnedPlacement")]
public sealed class SiloPinnedPlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static readonly SiloPinnedPlacement Instance = new();
}
