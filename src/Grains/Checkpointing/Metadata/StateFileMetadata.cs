using OrleansFlow.KeyGroups;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// One state file in a <c>_metadata</c>: where it is (relative to the folder holding <c>_metadata</c>, resolved with
/// <see cref="CheckpointMetadata.ResolvePath"/>), the subtask that wrote it, the offset and length of each of its key
/// groups (invariant 7), its size and its checksum (invariant 5).
/// </summary>
internal sealed record StateFileMetadata
{
    /// <summary>The file's path relative to the folder holding <c>_metadata</c>, e.g. <c>sum-0</c> or <c>../shared/x</c>.</summary>
    public required string RelativePath { get; init; }

    /// <summary>The subtask that wrote the file.</summary>
    public required int Subtask { get; init; }

    /// <summary>The key groups in the file.</summary>
    public required KeyGroupRange KeyGroups { get; init; }

    /// <summary>Per key group of <see cref="KeyGroups"/> in order, the offset of its section in the file.</summary>
    public required IReadOnlyList<long> KeyGroupOffsets { get; init; }

    /// <summary>Per key group of <see cref="KeyGroups"/> in order, the length in bytes of its section.</summary>
    public required IReadOnlyList<long> KeyGroupLengths { get; init; }

    /// <summary>The file's size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The file's checksum (<see cref="StateFileChecksum"/>).</summary>
    public required string Checksum { get; init; }

    /// <summary>
    /// The checksums of its header and of each key group's section, which restoring tasks verify as they read; absent in
    /// files written before they existed (those are verified whole before a restore).
    /// </summary>
    public StateFileSectionChecksums? SectionChecksums { get; init; }
}
