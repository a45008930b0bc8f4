namespace OrleansFlow.Savepoints;

/// <summary>Where a source split resumes when a job starts from the savepoint.</summary>
/// <param name="Split">The source split.</param>
/// <param name="Offset">The offset of the next record it reads.</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointSourceOffset")]
public sealed record SavepointSourceOffset([property: Id(0)] int Split, [property: Id(1)] long Offset);
