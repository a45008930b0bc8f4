using OrleansFlow.KeyGroups;

namespace OrleansFlow.Savepoints;

/// <summary>One state file of a savepoint.</summary>
/// <param name="Path">Its path relative to the savepoint folder.</param>
/// <param name="Subtask">The subtask that wrote it.</param>
/// <param name="KeyGroups">The key groups it holds.</param>
/// <param name="Size">Its size in bytes (verified).</param>
/// <param name="Checksum">Its checksum (verified), e.g. <c>crc64:…</c>.</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointFileInfo")]
public sealed record SavepointFileInfo(
    [property: Id(0)] string Path,
    [property: Id(1)] int Subtask,
    [property: Id(2)] KeyGroupRange KeyGroups,
    [property: Id(3)] long Size,
    [property: Id(4)] string Checksum);
