namespace OrleansFlow.Savepoints;

/// <summary>The status of a savepoint operation, as <c>GET /jobs/{id}/savepoints/{triggerId}</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointStatus")]
public sealed record SavepointStatus
{
    /// <summary>The trigger id.</summary>
    [Id(0)] public required string TriggerId { get; init; }

    /// <summary>The stage.</summary>
    [Id(1)] public required SavepointStatusKind Status { get; init; }

    /// <summary>The savepoint's storage folder (what <c>savepointPath</c> in <c>POST /jobs</c> takes), once completed.</summary>
    [Id(2)] public string? Location { get; init; }

    /// <summary>Why it failed.</summary>
    [Id(3)] public string? FailureCause { get; init; }

    /// <summary>The savepoint's checkpoint id.</summary>
    [Id(4)] public long CheckpointId { get; init; }

    /// <summary>What the job does afterwards.</summary>
    [Id(5)] public SavepointMode Mode { get; init; }

    /// <summary>
    /// Rescale only, once completed: from the stop barrier (after which the sources emit nothing) until the sources of
    /// the rescaled job started reading again.
    /// </summary>
    [Id(6)] public TimeSpan? Downtime { get; init; }

    /// <summary>Rescale only: the new parallelism.</summary>
    [Id(7)] public int? Parallelism { get; init; }
}
