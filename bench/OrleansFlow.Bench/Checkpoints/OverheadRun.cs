namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// One timed keyed-sum run: <paramref name="Events"/> in <paramref name="Seconds"/> (submission to FINISHED), with the
/// checkpoints that completed and failed (or were aborted when the job finished) during it, and the state size of the
/// latest completed one. <paramref name="CpuSeconds"/> is the process's CPU time (user + system) over the same span:
/// less sensitive than wall time to neighbours on a shared machine, as long as they leave the caches alone.
/// <paramref name="Checkpoints"/> are the completed checkpoints whose acknowledgements the coordinator still holds (the
/// retained ones, 3 by default). <paramref name="StorageCpuSeconds"/> is the CPU time of the storage's server process
/// (Azurite) over the same span, null without one.
/// </summary>
public sealed record OverheadRun(
    double Seconds, double CpuSeconds, long Events, int Completed, int Failed, long StateSize, IReadOnlyList<CheckpointSample> Checkpoints, double? StorageCpuSeconds = null)
{
    /// <summary>Events per second.</summary>
    public double EventsPerSecond => Events / Seconds;

    /// <summary>What the run cost the bench process (silo included): GC pauses, allocations, CPU and its system part.</summary>
    public ProcessCost Process { get; init; } = ProcessCost.None;
}
