using Microsoft.Extensions.Options;
using OrleansFlow.Hosting;
using OrleansFlow.Placement;

namespace OrleansFlow.Resources;

/// <summary>Answers this silo's task slots; placed on the silo its key names (<see cref="SiloPinnedPlacement"/>).</summary>
[SiloPinnedPlacement]
internal sealed class SiloSlotsGrain(IOptions<OrleansFlowOptions> options) : Grain, ISiloSlotsGrain
{
    public Task<int> GetTaskSlots() => Task.FromResult(options.Value.TaskSlots);
}
