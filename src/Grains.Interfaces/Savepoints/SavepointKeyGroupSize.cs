namespace OrleansFlow.Savepoints;

/// <summary>The size of one key group's section in a savepoint's state files.</summary>
/// <param name="KeyGroup">The key group.</param>
/// <param name="Size">Its section's length in bytes (a section without entries still has its end marker).</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointKeyGroupSize")]
public sealed record SavepointKeyGroupSize([property: Id(0)] int KeyGroup, [property: Id(1)] long Size);
