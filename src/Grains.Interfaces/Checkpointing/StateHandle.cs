using OrleansFlow.KeyGroups;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// One state file a task wrote for a checkpoint: the keyed state of one operator over a key-group range, with the
/// offset and length of every key group in it (invariant 7) and a checksum of the whole file (invariant 5).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.StateHandle")]
public sealed record StateHandle
{
    /// <summary>The operator's uid.</summary>
    [Id(0)] public required string OperatorUid { get; init; }

    /// <summary>The file's storage path.</summary>
    [Id(1)] public required string Path { get; init; }

    /// <summary>The key groups in the file.</summary>
    [Id(2)] public required KeyGroupRange KeyGroups { get; init; }

    /// <summary>Per key group in order, its offset in the file.</summary>
    [Id(3)] public IReadOnlyList<long> KeyGroupOffsets { get; init; } = [];

    /// <summary>Per key group in order, its length in bytes.</summary>
    [Id(4)] public IReadOnlyList<long> KeyGroupLengths { get; init; } = [];

    /// <summary>The file's size in bytes.</summary>
    [Id(5)] public long Size { get; init; }

    /// <summary>The file's checksum (CRC-64 or stronger, as the writer's format says).</summary>
    [Id(6)] public required string Checksum { get; init; }

    /// <summary>The checksums of the header and of every key group's section, verified by the tasks that read them.</summary>
    [Id(7)] public StateFileSectionChecksums? SectionChecksums { get; init; }
}
