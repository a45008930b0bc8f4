using System.Globalization;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// The measurements of one (storage, target size) of the checkpoint-duration benchmark, all from the same silo and
/// storage: the completed checkpoints, and the seconds of the raw writes of the same number of bytes with the plain
/// platform API and through <c>ICheckpointStorage.WriteAsync</c>. Knows the goals: end to end ≤
/// 1.5 × bytes / raw bandwidth + 200 ms (medians; raw = the faster of the two raw writes, so the goal is the stricter
/// one), and a sync phase under 50 ms at 1 GB.
/// </summary>
public sealed record DurationResult(string Storage, long TargetBytes, IReadOnlyList<CheckpointSample> Checkpoints, IReadOnlyList<double> PlainSeconds, IReadOnlyList<double> StorageApiSeconds)
{
    /// <summary>The sync-phase goal.</summary>
    public static readonly TimeSpan SyncGoal = TimeSpan.FromMilliseconds(50);

    /// <summary>The median state size the checkpoints reported.</summary>
    public long StateSize => (long)Medians.Of(Checkpoints.Select(c => (double)c.StateSize));

    /// <summary>State size against the target, as a fraction (0.02 = 2 % above).</summary>
    public double SizeDeviation => (double)StateSize / TargetBytes - 1;

    /// <summary>Median end-to-end duration.</summary>
    public TimeSpan EndToEnd => Medians.Of(Checkpoints.Select(c => c.EndToEnd));

    /// <summary>Median sync phase.</summary>
    public TimeSpan Sync => Medians.Of(Checkpoints.Select(c => c.Sync));

    /// <summary>Median async phase.</summary>
    public TimeSpan Async => Medians.Of(Checkpoints.Select(c => c.Async));

    /// <summary>Median GC pause of the process during a checkpoint.</summary>
    public TimeSpan GcPause => Medians.Of(Checkpoints.Select(c => c.Process.GcPause));

    /// <summary>Median bandwidth of the plain platform write, bytes/s.</summary>
    public double PlainBandwidth => StateSize / Medians.Of(PlainSeconds);

    /// <summary>Median bandwidth of <c>ICheckpointStorage.WriteAsync</c>, bytes/s.</summary>
    public double StorageApiBandwidth => StateSize / Medians.Of(StorageApiSeconds);

    /// <summary>The raw bandwidth of the goal: the faster of the two raw writes.</summary>
    public double RawBandwidth => Math.Max(PlainBandwidth, StorageApiBandwidth);

    /// <summary>1.5 × bytes / raw bandwidth + 200 ms.</summary>
    public TimeSpan Goal => TimeSpan.FromSeconds(1.5 * StateSize / RawBandwidth + 0.2);

    /// <summary>Whether the median end to end meets <see cref="Goal"/>.</summary>
    public bool GoalMet => EndToEnd <= Goal;

    /// <summary>The table header of <see cref="FormatRow"/>.</summary>
    public static IEnumerable<string> Header()
    {
        yield return "| storage | target | state size (vs target) | checkpoints | end to end (min–max) | sync | async | GC pause in e2e | raw plain API | raw ICheckpointStorage | goal 1.5×bytes/raw+200 ms (raw = faster raw) | e2e goal | sync < 50 ms at 1 GB |";
        yield return "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|";
    }

    /// <summary>One markdown row (medians).</summary>
    public string FormatRow()
    {
        var inv = CultureInfo.InvariantCulture;
        var min = Checkpoints.Min(c => c.EndToEnd);
        var max = Checkpoints.Max(c => c.EndToEnd);
        var sizeOk = Math.Abs(SizeDeviation) <= 0.10 ? "" : " OUT OF ±10 %";
        var syncGoal = TargetBytes >= 1_000_000_000
            ? (Sync < SyncGoal ? "met" : "not met")
            : (Sync < SyncGoal ? "(met)" : "(not met)");
        return string.Create(inv,
            $"| {Storage} | {ByteSize.Format(TargetBytes)} | {ByteSize.Format(StateSize)} ({Math.Round(SizeDeviation * 100, 1):+0.0;-0.0;0.0} %{sizeOk}) | {Checkpoints.Count} | {Ms(EndToEnd)} ({Ms(min)}–{Ms(max)}) | {Ms(Sync)} | {Ms(Async)} | {Ms(GcPause)} | "
            + $"{ByteSize.FormatBandwidth(PlainBandwidth)} ({Ms(TimeSpan.FromSeconds(Medians.Of(PlainSeconds)))}) | {ByteSize.FormatBandwidth(StorageApiBandwidth)} ({Ms(TimeSpan.FromSeconds(Medians.Of(StorageApiSeconds)))}) | "
            + $"{Ms(Goal)} | {(GoalMet ? "met" : "not met")} | {syncGoal} |");
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString(t.TotalMilliseconds >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture) + " ms";
}
