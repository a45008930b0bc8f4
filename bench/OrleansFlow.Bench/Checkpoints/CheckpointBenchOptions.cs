namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Settings of the checkpoint benchmarks.
/// </summary>
/// <param name="StateSizes">checkpoint-duration and rescale-downtime: target keyed-state sizes (<c>--state-sizes</c>).</param>
/// <param name="Storages">Every checkpoint benchmark: the storages to run on (<c>--storage</c>).</param>
/// <param name="Events">checkpoint-overhead: keyed-sum events per round (<c>--checkpoint-events</c>), enough for several seconds.</param>
/// <param name="Keys">checkpoint-overhead: keyed-sum keys (<c>--keys</c>).</param>
/// <param name="IntervalMs">checkpoint-overhead: the checkpoint interval of the "on" rows (<c>--interval-ms</c>).</param>
/// <param name="PayloadBytes">checkpoint-duration and rescale-downtime: bytes of state per key (<c>--payload-bytes</c>).</param>
/// <param name="Rounds">checkpoint-duration: checkpoints and raw writes per size; rescale-downtime: rescale round trips and raw writes/reads per size (<c>--rounds</c>).</param>
/// <param name="OverheadRounds">checkpoint-overhead: measured rounds per row (<c>--overhead-rounds</c>, default <c>--rounds</c>); the shared machine's noise needs more of them than the durations.</param>
/// <param name="OverheadWarmupRounds">checkpoint-overhead: full-size interleaved rounds of every row run first and not counted (<c>--overhead-warmup</c>), until tiered compilation settles.</param>
public sealed record CheckpointBenchOptions(
    IReadOnlyList<long> StateSizes,
    IReadOnlyList<StorageKind> Storages,
    long Events,
    long Keys,
    long IntervalMs,
    int PayloadBytes,
    int Rounds,
    int OverheadRounds,
    int OverheadWarmupRounds = 3)
{
    /// <summary>The name of the overhead benchmark for <c>--only</c>.</summary>
    public const string OverheadName = "checkpoint-overhead";

    /// <summary>The name of the duration benchmark for <c>--only</c>.</summary>
    public const string DurationName = "checkpoint-duration";

    /// <summary>The name of the rescale downtime benchmark for <c>--only</c>.</summary>
    public const string RescaleName = "rescale-downtime";

    /// <summary>The name of the in-process snapshot pipeline benchmark (serialize, checksum, write, read, restore) for <c>--only</c>.</summary>
    public const string PipelineName = "snapshot-pipeline";

    /// <summary>rescale-downtime: the state job's parallelism at the start and after each round.</summary>
    public const int RescaleFrom = 2;

    /// <summary>rescale-downtime: the parallelism each round rescales to first.</summary>
    public const int RescaleTo = 4;

    /// <summary>Parallelism of the keyed-sum job in the overhead rounds (as the <c>orleansflow-p2</c> row).</summary>
    public const int OverheadParallelism = 2;

    /// <summary>Parallelism of the state job in the duration rounds: one task, so one state file, as the raw write.</summary>
    public const int DurationParallelism = 1;

    /// <summary>10 MB, 100 MB, 1 GB on the folder and Azurite; 200 M events of 100 k keys; checkpoints every second; 1,000 bytes per key; 3 rounds.</summary>
    public static CheckpointBenchOptions Default { get; } = new(
        [10_000_000, 100_000_000, 1_000_000_000], [StorageKind.Folder, StorageKind.Azurite], 200_000_000, 100_000, 1000, 1000, 3, 3);

    /// <summary>Parses <c>folder,azurite</c>.</summary>
    public static IReadOnlyList<StorageKind> ParseStorages(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kinds = new List<StorageKind>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<StorageKind>(part, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                throw new ArgumentException($"--storage: '{part}' is not a storage (folder, azurite).");
            if (!kinds.Contains(kind)) kinds.Add(kind);
        }
        if (kinds.Count == 0) throw new ArgumentException("--storage: name at least one storage (folder, azurite).");
        return kinds;
    }
}
