namespace OrleansFlow.Checkpointing;

/// <summary>
/// How a checkpoint is taken, carried from the trigger to every task with the barrier (Flink's <c>CheckpointOptions</c>).
/// A checkpoint writes under <c>jobs/{jobId}/chk-{n}</c> and is retained and deleted by the system; a savepoint writes
/// a self-contained snapshot into <see cref="TargetFolder"/> and is never deleted by the system.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.CheckpointOptions")]
public sealed record CheckpointOptions
{
    /// <summary>A periodic or requested checkpoint.</summary>
    public static readonly CheckpointOptions Checkpoint = new();

    /// <summary>Whether this is a savepoint.</summary>
    [Id(0)] public bool IsSavepoint { get; init; }

    /// <summary>The storage folder a savepoint writes its files and <c>_metadata</c> into; null for a checkpoint.</summary>
    [Id(1)] public string? TargetFolder { get; init; }

    /// <summary>
    /// Stop with savepoint: the sources emit nothing after the barrier (the job ends once the savepoint completed), and
    /// exactly-once sinks commit on its completion. An intermediate savepoint commits nothing (as in Flink), so that a
    /// later restore from an older checkpoint cannot duplicate output.
    /// </summary>
    [Id(2)] public bool StopSources { get; init; }

    /// <summary>A savepoint into <paramref name="folder"/>.</summary>
    public static CheckpointOptions Savepoint(string folder, bool stopSources) => new() { IsSavepoint = true, TargetFolder = folder, StopSources = stopSources };
}
