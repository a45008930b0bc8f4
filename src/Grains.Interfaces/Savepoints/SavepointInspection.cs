namespace OrleansFlow.Savepoints;

/// <summary>The answer of <see cref="ISavepointGrain.Inspect"/>: the savepoint, or why there is none to show.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointInspection")]
public sealed record SavepointInspection
{
    /// <summary><see cref="SavepointErrorKind.None"/> when <see cref="Savepoint"/> is set.</summary>
    [Id(0)] public SavepointErrorKind Error { get; init; }

    /// <summary>What is wrong (naming the file), when refused.</summary>
    [Id(1)] public string? Message { get; init; }

    /// <summary>The savepoint, when answered.</summary>
    [Id(2)] public SavepointInfo? Savepoint { get; init; }
}
