namespace OrleansFlow.Jobs;

/// <summary>A line of <c>GET /jobs</c>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.JobSummary")]
public sealed record JobSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] JobStatus Status);
