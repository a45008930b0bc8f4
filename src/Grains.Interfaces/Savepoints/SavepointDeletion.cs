namespace OrleansFlow.Savepoints;

/// <summary>The answer of <see cref="ISavepointGrain.Delete"/>: how many files were deleted, or why nothing was.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointDeletion")]
public sealed record SavepointDeletion
{
    /// <summary><see cref="SavepointErrorKind.None"/> when the savepoint was deleted.</summary>
    [Id(0)] public SavepointErrorKind Error { get; init; }

    /// <summary>Why it was refused.</summary>
    [Id(1)] public string? Message { get; init; }

    /// <summary>The number of files deleted.</summary>
    [Id(2)] public int DeletedFiles { get; init; }
}
