namespace OrleansFlow.Jobs;

/// <summary>A job's state as <c>GET /jobs/{id}</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.JobDetails")]
public sealed record JobDetails
{
    /// <summary>The job's id.</summary>
    [Id(0)] public required string JobId { get; init; }

    /// <summary>The registered job name.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>The lifecycle status.</summary>
    [Id(2)] public required JobStatus Status { get; init; }

    /// <summary>The deployment attempt (1 for the first deployment).</summary>
    [Id(3)] public int Attempt { get; init; }

    /// <summary>The vertices and their counters.</summary>
    [Id(4)] public IReadOnlyList<VertexDetails> Vertices { get; init; } = [];

    /// <summary>Why the job failed, when it did.</summary>
    [Id(5)] public string? FailureCause { get; init; }

    /// <summary>The spec it was submitted with.</summary>
    [Id(6)] public JobSpec? Spec { get; init; }

    /// <summary>When it was submitted.</summary>
    [Id(7)] public DateTimeOffset StartTime { get; init; }

    /// <summary>When it reached a terminal status.</summary>
    [Id(8)] public DateTimeOffset? EndTime { get; init; }

    /// <summary>The silo that hosts the job manager.</summary>
    [Id(9)] public string? ManagerHost { get; init; }
}
