using Orleans.Runtime.Placement;
using OrleansFlow.Tasks;

namespace OrleansFlow.Placement;

/// <summary>
/// Places a task on the silo of its slot when the deploying call says which (<see cref="SlotPlacementHint"/>). Otherwise
/// chooses silo <c>(vertex + subtask + stableHash(jobId)) mod n</c> of the compatible silos in address order: subtasks
/// of one vertex land on different silos, and every silo computes the same choice. Keys that are not task keys fall
/// back to a random compatible silo.
/// </summary>
internal sealed class SubtaskSpreadPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (silos.Length == 0) throw new OrleansException($"No silo can host {target.GrainIdentity}.");
        var key = target.GrainIdentity.Key.ToString() ?? "";
        if (SlotPlacementHint.SiloFor(key, target.RequestContextData) is { } hinted
            && silos.FirstOrDefault(s => s.ToParsableString() == hinted) is { } slotSilo)
            return Task.FromResult(slotSilo);
        int index;
        try
        {
            var task = TaskId.Parse(key);
            var jobHash = KeyGroups.KeyHash.OfString(task.JobId) & int.MaxValue;
            index = (int)(((long)task.Vertex + task.Subtask + jobHash) % silos.Length);
        }
        catch (FormatException)
        {
            index = Random.Shared.Next(silos.Length);
        }
        return Task.FromResult(silos[index]);
    }
}
