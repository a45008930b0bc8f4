using Orleans.Runtime.Placement;

namespace OrleansFlow.Placement;

/// <summary>Activates a grain on the silo its key names; fails when that silo is not a compatible active silo.</summary>
internal sealed class SiloPinnedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString() ?? "";
        var silo = context.GetCompatibleSilos(target).FirstOrDefault(s => s.ToParsableString() == key)
            ?? throw new OrleansException($"Silo {key} is not active: {target.GrainIdentity} can only live there.");
        return Task.FromResult(silo);
    }
}
