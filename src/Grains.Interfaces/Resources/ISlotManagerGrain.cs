using Orleans.Concurrency;

namespace OrleansFlow.Resources;

/// <summary>
/// The cluster's task slots (key 0), Flink's ResourceManager. Each active silo offers <c>OrleansFlow:TaskSlots</c>
/// slots; a job holds one slot per subtask index of its widest vertex (slot sharing: slot i hosts subtask i of every
/// vertex), so it needs as many slots as its largest vertex parallelism.
/// Protocol: a job manager calls <see cref="Allocate"/> before it deploys an attempt (a new allocation replaces the
/// job's previous one, so every restart is placed afresh), <see cref="Check"/> before a rescale, and
/// <see cref="Release"/> when its job stops running (restart, end). Calls are awaited one by one by each job manager.
/// Slots on silos that are no longer active are free again without anyone releasing them. A fresh activation (its
/// silo was lost) asks the job manager of every job that has not ended what it holds, before it answers.
/// </summary>
[Alias("OrleansFlow.ISlotManagerGrain")]
public interface ISlotManagerGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Allocates <paramref name="slots"/> slots to <paramref name="jobId"/>, spread over the silos by free slots,
    /// replacing what the job held; refused (the job then holds nothing) when the cluster has fewer free.
    /// </summary>
    [Alias("Allocate")]
    Task<SlotAllocation> Allocate(string jobId, int slots);

    /// <summary>Whether <paramref name="slots"/> slots could be allocated to <paramref name="jobId"/> now, counting what it holds as free; allocates nothing.</summary>
    [Alias("Check"), ReadOnly]
    Task<SlotAllocation> Check(string jobId, int slots);

    /// <summary>Frees what <paramref name="jobId"/> holds (idempotent).</summary>
    [Alias("Release")]
    Task Release(string jobId);

    /// <summary>The cluster's slots: total, available, and the silos offering them.</summary>
    [Alias("GetOverview"), ReadOnly]
    Task<ClusterSlots> GetOverview();
}
