namespace OrleansFlow.Jobs;

/// <summary>
/// The content of <c>jobs/{jobId}/job.json</c>: the job's spec and control state, saved at every transition so that a
/// job manager activated after a silo loss or restart finds the job and resumes it.
/// </summary>
internal sealed record JobRecord
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required string JobId { get; init; }

    public required JobSpec Spec { get; init; }

    public required JobStatus Status { get; init; }

    public int Attempt { get; init; }

    public int Restarts { get; init; }

    public string? FailureCause { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    /// <summary>
    /// Set while a bounded job whose tasks all finished commits its exactly-once sinks' last transactions: a job manager
    /// that finds it (after a crash) commits them again (commits are idempotent) and finishes the job, never restarts it.
    /// </summary>
    public IReadOnlyList<Checkpointing.SinkCommittableMetadata>? FinalCommittables { get; init; }

    /// <summary>
    /// The job's most recent savepoint operations (oldest first), so their status outlives the job manager's activation:
    /// one in progress when the activation was lost is reported FAILED by the next one.
    /// </summary>
    public IReadOnlyList<Savepoints.SavepointStatus>? Savepoints { get; init; }
}
