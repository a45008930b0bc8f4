namespace OrleansFlow.Savepoints;

/// <summary>A request for a savepoint of a running job.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointRequest")]
public sealed record SavepointRequest
{
    /// <summary>The storage folder under which the savepoint's own folder is created; <c>savepoints</c> when null.</summary>
    [Id(0)] public string? TargetDirectory { get; init; }

    /// <summary>What the job does afterwards.</summary>
    [Id(1)] public SavepointMode Mode { get; init; }

    /// <summary>Stop only: end the sources' input after the savepoint, so the job finishes through end of input.</summary>
    [Id(2)] public bool Drain { get; init; }

    /// <summary>Rescale only: the new parallelism.</summary>
    [Id(3)] public int Parallelism { get; init; }
}
