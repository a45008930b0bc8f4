namespace OrleansFlow.Jobs;

/// <summary>What a job was submitted with; every silo rebuilds the same job graph from it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.JobSpec")]
public sealed record JobSpec
{
    /// <summary>The registered job name (e.g. <c>keyed-sum</c>).</summary>
    [Id(0)] public required string JobName { get; init; }

    /// <summary>The default parallelism of the job's operators.</summary>
    [Id(1)] public required int Parallelism { get; init; }

    /// <summary>The max parallelism (number of key groups), fixed for the job's life.</summary>
    [Id(2)] public required int MaxParallelism { get; init; }

    /// <summary>The job's arguments.</summary>
    [Id(3)] public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();

    /// <summary>The checkpoint settings (periodic checkpoints off by default).</summary>
    [Id(4)] public Checkpointing.CheckpointingSettings Checkpointing { get; init; } = OrleansFlow.Checkpointing.CheckpointingSettings.Default;

    /// <summary>How the job restarts after a failure (fixed delay of 1 s, unlimited attempts, by default).</summary>
    [Id(5)] public RestartStrategySettings RestartStrategy { get; init; } = RestartStrategySettings.Default;

    /// <summary>
    /// A savepoint or retained checkpoint folder (a storage path such as <c>savepoints/savepoint-ab12cd-…</c> or
    /// <c>jobs/{id}/chk-7</c>) the job starts from: state is mapped by operator uid, each task reads its key groups.
    /// </summary>
    [Id(6)] public string? SavepointPath { get; init; }

    /// <summary>Whether state in the savepoint for operators the job does not have is dropped instead of refused.</summary>
    [Id(7)] public bool AllowNonRestoredState { get; init; }
}
