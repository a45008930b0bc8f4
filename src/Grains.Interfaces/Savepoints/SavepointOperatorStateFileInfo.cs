namespace OrleansFlow.Savepoints;

/// <summary>One operator-state file of a savepoint.</summary>
/// <param name="Path">Its path relative to the savepoint folder.</param>
/// <param name="Subtask">The subtask that wrote it.</param>
/// <param name="Size">Its size in bytes (verified).</param>
/// <param name="Checksum">Its checksum (verified).</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointOperatorStateFileInfo")]
public sealed record SavepointOperatorStateFileInfo(
    [property: Id(0)] string Path,
    [property: Id(1)] int Subtask,
    [property: Id(2)] long Size,
    [property: Id(3)] string Checksum);
