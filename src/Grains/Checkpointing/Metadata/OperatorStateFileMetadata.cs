namespace OrleansFlow.Checkpointing;

/// <summary>
/// One operator-state file in a <c>_metadata</c>: where it is (relative to the metadata folder), the subtask that wrote
/// it, its size and checksum (invariant 5), and the states it holds with their element counts and payload offsets.
/// </summary>
internal sealed record OperatorStateFileMetadata
{
    /// <summary>The file's path relative to the folder holding <c>_metadata</c>.</summary>
    public required string RelativePath { get; init; }

    /// <summary>The subtask that wrote it.</summary>
    public required int Subtask { get; init; }

    /// <summary>Its size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Its checksum (<see cref="StateFileChecksum"/>).</summary>
    public required string Checksum { get; init; }

    /// <summary>The states in it, in ordinal name order.</summary>
    public required IReadOnlyList<OperatorStateEntryInfo> States { get; init; }
}
